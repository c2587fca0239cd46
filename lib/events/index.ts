// The events registry.
export { createEvent, getEvent, listEventPage, listEvents, searchEvents, updateEvent, type EventHit } from "./events";
export type { EventOut } from "./schemas";
