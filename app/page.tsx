import { getActor } from "@/lib/auth/session";
export const dynamic = "force-dynamic";
export default async function Home() {
  const actor = await getActor();
  return <p>{actor ? actor.email : "signed out"}</p>;
}
