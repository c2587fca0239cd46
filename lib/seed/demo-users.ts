import type { Role } from "@/lib/auth/roles";

// Demo sign-ins, printed by `npm start`. They exist only in the demo database the start
// script creates; a real deployment creates its first admin with `casefile user:create`.
export const DEMO_USERS: { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@demo.casefile", name: "Demo Admin", role: "ADMIN", password: "demo-admin-pass" },
  { email: "researcher@demo.casefile", name: "Demo Researcher", role: "RESEARCHER", password: "demo-researcher-pass" },
  { email: "reviewer@demo.casefile", name: "Demo Reviewer", role: "REVIEWER", password: "demo-reviewer-pass" },
  { email: "legal@demo.casefile", name: "Demo Legal", role: "LEGAL", password: "demo-legal-pass" },
];
