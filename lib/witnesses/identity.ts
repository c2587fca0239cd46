import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { decryptField, encryptField, keyVersionOf, type KeyRing } from "@/lib/crypto/field-crypto";
import { getKeyRing } from "@/lib/crypto/keyring";

// The protected identity of a witness: which fields exist, how they map to encrypted
// columns, and the rules for who may see them. Plaintext exists only in memory, between
// the form and encryptField, or between decryptField and an entitled reader.

export const IDENTITY_FIELDS = ["legalName", "otherNames", "birthDate", "contact", "currentLocation", "relativesAtRisk"] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type Identity = Partial<Record<IdentityField, string>>;

export const COLUMN: Record<IdentityField, `${IdentityField}Enc`> = {
  legalName: "legalNameEnc",
  otherNames: "otherNamesEnc",
  birthDate: "birthDateEnc",
  contact: "contactEnc",
  currentLocation: "currentLocationEnc",
  relativesAtRisk: "relativesAtRiskEnc",
};

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `too_long:${max}` })
    .optional()
    .transform((s) => (s ? s : undefined));

export const ZIdentity = z.object({
  legalName: optionalText(300),
  otherNames: optionalText(1000),
  birthDate: optionalText(100),
  contact: optionalText(2000),
  currentLocation: optionalText(1000),
  relativesAtRisk: optionalText(5000),
});

export type EncryptedColumns = Partial<Record<(typeof COLUMN)[IdentityField], string | null>>;

/** Encrypts the given fields for one witness row. Fields given as empty clear the column. */
export function encryptIdentity(witnessId: string, identity: Identity, ring: KeyRing = getKeyRing()): EncryptedColumns {
  const out: EncryptedColumns = {};
  for (const f of IDENTITY_FIELDS) {
    if (!(f in identity)) continue;
    const v = identity[f];
    out[COLUMN[f]] = v ? encryptField(ring, { recordType: "Witness", recordId: witnessId, field: f }, v) : null;
  }
  return out;
}

export function decryptIdentity(row: { id: string } & EncryptedColumns, ring: KeyRing = getKeyRing()): Identity {
  const out: Identity = {};
  for (const f of IDENTITY_FIELDS) {
    const stored = row[COLUMN[f]];
    if (stored) out[f] = decryptField(ring, { recordType: "Witness", recordId: row.id, field: f }, stored);
  }
  return out;
}

/** Which identity fields are recorded, for screens that must not show the values. */
export function recordedFields(row: EncryptedColumns): IdentityField[] {
  return IDENTITY_FIELDS.filter((f) => !!row[COLUMN[f]]);
}

export function keyVersionsOf(row: EncryptedColumns): number[] {
  return IDENTITY_FIELDS.flatMap((f) => (row[COLUMN[f]] ? [keyVersionOf(row[COLUMN[f]]!)] : []));
}

export const CONSENT_SCOPES = ["INTERNAL_RESEARCH", "LEGAL_SHARING", "PUBLICATION"] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/**
 * Who may reveal a witness's identity: an admin, the researcher who recorded the witness,
 * and a legal-team member only while the witness's consent covers sharing with legal teams.
 */
export function mayReveal(actor: Actor, witness: { createdById: string }, activeScopes: ReadonlySet<string>): boolean {
  if (actor.role === "ADMIN") return true;
  if (actor.role === "RESEARCHER") return witness.createdById === actor.id;
  if (actor.role === "LEGAL") return activeScopes.has("LEGAL_SHARING");
  return false;
}
