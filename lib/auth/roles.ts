export const ROLES = ["ADMIN", "RESEARCHER", "REVIEWER", "LEGAL"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}
