import { z } from "zod";
import { ZNameHitOut, zBaseUpdatedAt, zNameList, zOptText } from "@/lib/registries/schemas";
import { zText } from "@/lib/validation";

// Organisations: parties, armed groups, state bodies. Their aliases are plain spellings and
// acronyms (MEK / MeK / PMOI / Mojahedin-e Khalq), kept as a JSON array on the row.

export const ZCreateOrganisation = z.object({
  name: zText(300),
  nameFa: zOptText(300).default(""),
  aliases: zNameList().default([]),
  note: zOptText(10_000).default(""),
});
export type CreateOrganisation = z.infer<typeof ZCreateOrganisation>;

export const ZUpdateOrganisation = z
  .object({
    name: zText(300).optional(),
    nameFa: zOptText(300).optional(),
    aliases: zNameList().optional(),
    note: zOptText(10_000).optional(),
    baseUpdatedAt: zBaseUpdatedAt,
  })
  .refine((v) => Object.entries(v).some(([k, x]) => x !== undefined && k !== "baseUpdatedAt"), { error: "nothing_to_change" });

export const ZOrganisationOut = z.object({
  id: z.string(),
  name: z.string(),
  nameFa: z.string(),
  aliases: z.array(z.string()),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganisationOut = z.infer<typeof ZOrganisationOut>;

export const ZOrganisationHitOut = ZNameHitOut;
