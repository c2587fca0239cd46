import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { zQuery, zQueryChoice, zString, zText } from "@/lib/validation";

export const ZPassword = zString()
  .min(12, { error: "too_short:12" })
  .max(1024, { error: "too_long:1024" });

export const ZEmail = zString()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email({ error: "invalid_email" }).max(320, { error: "too_long:320" }));

export const ZRole = z.enum(ROLES, { error: "invalid_choice" });

export const ZCreateUser = z.object({ email: ZEmail, name: zText(200), role: ZRole, password: ZPassword });
export type CreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z
  .object({
    role: ZRole.optional(),
    disabled: z.boolean({ error: "invalid_choice" }).optional(),
    password: ZPassword.optional(),
    name: zText(200).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: "nothing_to_change" });
export type UpdateUser = z.infer<typeof ZUpdateUser>;

export const ZChangePassword = z.object({ currentPassword: zString().min(1, { error: "required" }), newPassword: ZPassword });

/** The user list's parameters: a role to list alone; one that is no role is refused, not ignored. */
export const ZListUsers = zQuery({ role: zQueryChoice(ROLES) });
