import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { createUser } from "@/lib/users/users";

let n = 0;
/** A real user row in the test database, returned as an actor. */
export async function makeActor(role: Role, password = "correct horse battery"): Promise<Actor> {
  n++;
  const u = await createUser({ actor: "system", input: { email: `${role.toLowerCase()}${n}-${Date.now()}@test.casefile`, name: `${role} ${n}`, role, password } });
  return { id: u.id, email: u.email, name: u.name, role };
}
