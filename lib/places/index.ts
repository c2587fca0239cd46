// The places registry.
export { createPlace, getPlace, listPlaces, searchPlaces, updatePlace, type PlaceHit } from "./places";
export type { PlaceOut } from "./schemas";
