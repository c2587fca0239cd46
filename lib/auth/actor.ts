import type { Role } from "./roles";

/** The signed-in user on whose behalf lib operations run. */
export type Actor = { id: string; email: string; name: string; role: Role };
