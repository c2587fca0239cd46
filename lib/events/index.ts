// The events registry.
export { createEvent, getEvent, listEventPage, listEvents, searchEvents, EVENTS_PER_PAGE, updateEvent, type EventHit } from "./events";
export type { EventOut } from "./schemas";
