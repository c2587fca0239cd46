import type { Role } from "./roles";

/** The signed-in user on whose behalf lib operations run. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /**
   * For an actor signed in by a session: the user's session version the session was checked
   * against. A write that must not outlive the session (creating an API token) checks it again
   * inside its transaction, so a password change committed meanwhile is not outrun.
   */
  sessionVersion?: number;
};
