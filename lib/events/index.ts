// The events registry.
export { createEvent, getEvent, listEvents, searchEvents, updateEvent, type EventHit } from "./events";
export type { EventOut } from "./schemas";
