// The events registry.
export { createEvent, getEvent, listEvents, updateEvent } from "./events";
export type { EventOut } from "./schemas";
