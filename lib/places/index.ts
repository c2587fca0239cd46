// The places registry.
export { createPlace, getPlace, listPlacePage, listPlaces, searchPlaces, updatePlace, type PlaceHit } from "./places";
export { getPlaceEvents, PLACE_EVENTS_PER_PAGE } from "./place-events";
export type { PlaceOut } from "./schemas";
