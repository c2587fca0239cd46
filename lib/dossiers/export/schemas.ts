import { z } from "zod";
import { zCheckbox, zString } from "@/lib/validation";

/**
 * Identities go into a package only when asked for, with a reason (as for any reveal), and
 * then only for witnesses whose consent covers legal sharing and whom the exporter may reveal.
 */
export const ZStartExport = z
  .object({
    // Yes or no only (true/false, or a form's "on"/"true"/"false"): anything else read as no
    // exported without the names asked for, and said nothing.
    revealIdentities: zCheckbox.default(false),
    reason: zString().trim().max(1000, { error: "too_long:1000" }).default(""),
  })
  .refine((v) => !v.revealIdentities || v.reason.length > 0, { error: "required", path: ["reason"] });
