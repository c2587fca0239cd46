import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getRecordHistory } from "@/lib/audit/record-history";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import type { Actor } from "@/lib/auth/actor";
import { keyVersionOf } from "@/lib/crypto/field-crypto";
import { resetKeyRing } from "@/lib/crypto/keyring";
import { rotateKeys } from "@/lib/crypto/rotate-keys";
import { sqlitePath } from "@/lib/db/provider";
import { read } from "@/lib/db/write";
import { createStatement, getStatement, listStatements } from "@/lib/statements/statements";
import { createWitness, getWitness, listWitnessPage, recordConsent, revealIdentity, updateWitness, withdrawConsent, witnessOut } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

let db: TestDatabase;
let researcher: Actor;
let otherResearcher: Actor;
let reviewer: Actor;
let legal: Actor;
let admin: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  [researcher, otherResearcher, reviewer, legal, admin] = await Promise.all([
    makeActor("RESEARCHER"),
    makeActor("RESEARCHER"),
    makeActor("REVIEWER"),
    makeActor("LEGAL"),
    makeActor("ADMIN"),
  ]);
});
afterAll(async () => db?.drop());

const consent = (scope: string) => ({ scope, givenAt: "2024-01-10", method: "WRITTEN" });

describe("witness protection", () => {
  test("identity is encrypted at rest, bound to its record, and shown only by code", async () => {
    const w = await createWitness({ actor: researcher, input: { identity: { legalName: "Parvaneh Example", contact: "+1 555 0100" } } });
    const row = await read((d) => d.witness.findUnique({ where: { id: w.id } }));
    expect(row!.legalNameEnc).toMatch(/^cf1\.1\./);
    expect(JSON.stringify(row)).not.toContain("Parvaneh");
    const view = await getWitness({ actor: reviewer, witnessId: w.id });
    expect(view.identityFields).toEqual(["legalName", "contact"]);
    expect(JSON.stringify(view)).not.toContain("Parvaneh");
    expect(JSON.stringify(await listWitnessPage({ actor: reviewer }))).not.toContain("Enc");
  });

  test("an update that names no field is refused and writes nothing, not even an audit entry", async () => {
    const w = await createWitness({ actor: researcher, input: { notes: "kept" } });
    const audited = () => read((d) => d.auditEvent.count({ where: { recordId: w.id } }));
    const before = await audited();
    for (const input of [{}, { notes: undefined }, { unknownField: "x" }, { identity: {} }, { identity: { legalName: undefined } }])
      await expect(updateWitness({ actor: researcher, witnessId: w.id, input })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { _: ["nothing_to_change"] } });
    expect(await audited()).toBe(before);
    expect((await getWitness({ actor: researcher, witnessId: w.id })).notes).toBe("kept");
  });

  test("the owning researcher and an admin may reveal, with a reason that is audited; others may not", async () => {
    const w = await createWitness({ actor: researcher, input: { identity: { legalName: "نام محرمانه" } } });
    await expect(revealIdentity({ actor: researcher, witnessId: w.id, input: { reason: " " } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { reason: ["required"] } });
    expect((await revealIdentity({ actor: researcher, witnessId: w.id, input: { reason: "call back" } })).identity).toEqual({ legalName: "نام محرمانه" });
    expect((await revealIdentity({ actor: admin, witnessId: w.id, input: { reason: "audit" } })).identity.legalName).toBe("نام محرمانه");
    for (const a of [otherResearcher, reviewer, legal])
      await expect(revealIdentity({ actor: a, witnessId: w.id, input: { reason: "curious" } })).rejects.toMatchObject({ code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) });
    const reveals = await read((d) => d.auditEvent.findMany({ where: { recordId: w.id, action: "witness.reveal" } }));
    expect(reveals.map((r) => JSON.parse(r.after!).reason)).toEqual(["call back", "audit"]);
    expect(reveals.every((r) => !r.after!.includes("محرمانه"))).toBe(true);
  });

  test("a legal team sees and may reveal only while consent covers legal sharing; withdrawal takes effect at once", async () => {
    const w = await createWitness({ actor: researcher, input: { identity: { legalName: "Consenting Person" }, consents: [consent("INTERNAL_RESEARCH")] } });
    const s = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "legal view", language: "en", originalText: "text" } });
    await expect(revealIdentity({ actor: legal, witnessId: w.id, input: { reason: "trial" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getStatement({ actor: legal, statementId: s.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listStatements({ actor: legal, query: {} })).items.map((x) => x.id)).not.toContain(s.id);

    const grant = await recordConsent({ actor: researcher, witnessId: w.id, input: consent("LEGAL_SHARING") });
    expect((await getStatement({ actor: legal, statementId: s.id })).id).toBe(s.id);
    expect((await listStatements({ actor: legal, query: {} })).items.map((x) => x.id)).toContain(s.id);
    expect((await revealIdentity({ actor: legal, witnessId: w.id, input: { reason: "trial" } })).identity.legalName).toBe("Consenting Person");

    await withdrawConsent({ actor: researcher, consentId: grant.id, input: { note: "family at risk" } });
    await expect(getStatement({ actor: legal, statementId: s.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listStatements({ actor: legal, query: {} })).items.map((x) => x.id)).not.toContain(s.id);
    await expect(revealIdentity({ actor: legal, witnessId: w.id, input: { reason: "trial" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listWitnessPage({ actor: legal })).items.map((x) => x.id)).not.toContain(w.id);
    await expect(withdrawConsent({ actor: researcher, consentId: grant.id, input: {} })).rejects.toMatchObject({ code: "INVALID_STATE" });
    const actions = (await read((d) => d.auditEvent.findMany({ where: { recordId: w.id }, orderBy: { seq: "asc" } }))).map((e) => e.action);
    // The refused reveals left no event; the allowed one did.
    expect(actions).toEqual(["witness.create", "consent.grant", "witness.reveal", "consent.withdraw"]);
  });

  test("only the owner or an admin edits identity and consent; bad consent input changes nothing", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    await expect(updateWitness({ actor: otherResearcher, witnessId: w.id, input: { identity: { legalName: "x" } } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordConsent({ actor: reviewer, witnessId: w.id, input: consent("PUBLICATION") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordConsent({ actor: researcher, witnessId: w.id, input: { scope: "EVERYTHING", givenAt: "not a date", method: "x" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { scope: ["invalid_choice"], givenAt: ["invalid_date"], method: ["invalid_choice"] },
    });
    expect(await read((d) => d.consent.count({ where: { witnessId: w.id } }))).toBe(0);
    await updateWitness({ actor: admin, witnessId: w.id, input: { protectionLevel: "PROTECTED", identity: { legalName: "Set By Admin" } } });
    expect((await revealIdentity({ actor: admin, witnessId: w.id, input: { reason: "check" } })).identity.legalName).toBe("Set By Admin");
  });

  test("the witness page's view names who recorded and who withdrew each grant, and carries no identity", async () => {
    const w = await createWitness({ actor: researcher, input: { identity: { legalName: "Named Nowhere" }, consents: [consent("LEGAL_SHARING")] } });
    const grant = (await getWitness({ actor: researcher, witnessId: w.id })).consents[0];
    await withdrawConsent({ actor: admin, consentId: grant.id, input: { note: "asked by phone" } });
    const view = await getWitness({ actor: reviewer, witnessId: w.id });
    const c = view.consents[0];
    expect(c.recordedBy).toEqual({ id: researcher.id, name: researcher.name });
    expect(c.withdrawnBy).toEqual({ id: admin.id, name: admin.name });
    expect(c.withdrawNote).toBe("asked by phone");
    expect(view.activeConsent).toEqual([]);
    const out = witnessOut(view);
    expect(out.consents[0]).toMatchObject({ scope: "LEGAL_SHARING", withdrawnById: admin.id, recordedAt: expect.any(String) });
    expect(JSON.stringify(out)).not.toContain("Named Nowhere");
    expect(JSON.stringify(out)).not.toContain("Enc");
  });

  test("a consent is withdrawn only through its own witness", async () => {
    const a = await createWitness({ actor: researcher, input: { consents: [consent("LEGAL_SHARING")] } });
    const b = await createWitness({ actor: researcher, input: {} });
    const grant = (await getWitness({ actor: researcher, witnessId: a.id })).consents[0];
    await expect(withdrawConsent({ actor: researcher, consentId: grant.id, witnessId: b.id, input: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getWitness({ actor: legal, witnessId: a.id })).activeConsent).toEqual(["LEGAL_SHARING"]);
    await withdrawConsent({ actor: researcher, consentId: grant.id, witnessId: a.id, input: {} });
    await expect(getWitness({ actor: legal, witnessId: a.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("an identity update changes only the fields given; an empty one clears its field", async () => {
    const w = await createWitness({ actor: researcher, input: { identity: { legalName: "Keep Me", contact: "drop me", birthDate: "1340" } } });
    await updateWitness({ actor: researcher, witnessId: w.id, input: { identity: { contact: "", birthDate: "1341" } } });
    expect((await revealIdentity({ actor: researcher, witnessId: w.id, input: { reason: "check" } })).identity).toEqual({ legalName: "Keep Me", birthDate: "1341" });
    expect((await getWitness({ actor: reviewer, witnessId: w.id })).identityFields).toEqual(["legalName", "birthDate"]);
    const audit = await read((d) => d.auditEvent.findFirst({ where: { recordId: w.id, action: "witness.update" } }));
    expect(JSON.parse(audit!.after!).identityFieldsChanged.sort()).toEqual(["birthDate", "contact"]);
    expect(audit!.after).not.toContain("1341");
  });

  test("a value copied into another witness's row does not decrypt", async () => {
    const a = await createWitness({ actor: researcher, input: { identity: { legalName: "Alpha" } } });
    const b = await createWitness({ actor: researcher, input: { identity: { legalName: "Beta" } } });
    const rowA = await read((d) => d.witness.findUnique({ where: { id: a.id } }));
    const { write } = await import("@/lib/db/write");
    await write((tx) => tx.witness.update({ where: { id: b.id }, data: { legalNameEnc: rowA!.legalNameEnc } }));
    await expect(revealIdentity({ actor: admin, witnessId: b.id, input: { reason: "test" } })).rejects.toThrow(/integrity/);
    await write((tx) => tx.witness.update({ where: { id: b.id }, data: { legalNameEnc: null, fictional: true } }));
  });

  test("keys:rotate re-encrypts every value under a new key while old values stay readable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casefile-keys-"));
    const envFile = join(dir, ".env");
    const saved = process.env.CASEFILE_ENV_FILE;
    try {
      writeFileSync(envFile, `DATABASE_URL=x\nCASEFILE_DATA_KEY=${process.env.CASEFILE_DATA_KEY}\n`);
      process.env.CASEFILE_ENV_FILE = envFile;
      resetKeyRing();
      const w = await createWitness({ actor: researcher, input: { identity: { legalName: "Before Rotation", contact: "c" } } });
      const r = await rotateKeys(envFile);
      expect(r.version).toBe(2);
      expect(r.remaining).toBe(0);
      expect(r.unreadable).toEqual([]);
      expect(r.reencrypted).toBeGreaterThan(0);
      const rows = await read((d) => d.witness.findMany());
      for (const row of rows) for (const v of [row.legalNameEnc, row.contactEnc]) if (v) expect(keyVersionOf(v)).toBe(2);
      const env = readFileSync(envFile, "utf8");
      expect(env).toMatch(/^CASEFILE_DATA_KEY=k2\./m);
      expect(env).toContain(`CASEFILE_DATA_KEYS_PREVIOUS=${process.env.CASEFILE_DATA_KEY}`);
      expect(env).toContain("DATABASE_URL=x");
      expect((await revealIdentity({ actor: researcher, witnessId: w.id, input: { reason: "after" } })).identity).toEqual({ legalName: "Before Rotation", contact: "c" });
      expect(await verifyAuditChain()).toMatchObject({ ok: true });
    } finally {
      process.env.CASEFILE_ENV_FILE = saved;
      resetKeyRing();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a distinctive name appears nowhere in clear: not the database files, a dump, the audit table or the log", async () => {
    const NAME = "Zoltavian Quimbrelle";
    const logged: string[] = [];
    const orig = { log: console.log, error: console.error, warn: console.warn, info: console.info };
    for (const k of Object.keys(orig) as (keyof typeof orig)[]) console[k] = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    try {
      const w = await createWitness({ actor: researcher, input: { identity: { legalName: NAME, otherNames: `${NAME} Jr.` }, consents: [consent("LEGAL_SHARING")] } });
      await updateWitness({ actor: researcher, witnessId: w.id, input: { identity: { contact: `${NAME}@example.org` } } });
      await revealIdentity({ actor: legal, witnessId: w.id, input: { reason: "cross-check" } });
      await expect(createWitness({ actor: researcher, input: { identity: { legalName: NAME.repeat(50) } } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    } finally {
      Object.assign(console, orig);
    }
    expect(logged.join("\n")).not.toContain("Zoltavian");
    const audit = await read((d) => d.auditEvent.findMany());
    expect(JSON.stringify(audit)).not.toContain("Zoltavian");

    let haystack: Buffer;
    if (db.provider === "sqlite") {
      const file = sqlitePath(db.url);
      const dir = join(file, "..");
      haystack = Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
      expect(haystack.length).toBeGreaterThan(10_000);
    } else {
      haystack = execFileSync("pg_dump", ["--no-owner", db.url], { maxBuffer: 256 * 1024 * 1024 });
      expect(haystack.toString("utf8")).toContain("CREATE TABLE");
    }
    expect(haystack.includes(Buffer.from("Zoltavian"))).toBe(false);
    expect(haystack.includes(Buffer.from("Quimbrelle"))).toBe(false);
  });
});

describe("the same person recorded twice", () => {
  test("a witness record is marked as the same person as another by code; self and cycles are refused; it can be undone", async () => {
    const a = await createWitness({ actor: researcher, input: {} });
    const b = await createWitness({ actor: researcher, input: {} });
    await updateWitness({ actor: researcher, witnessId: b.id, input: { sameAsCode: a.code.toLowerCase() } });
    expect((await getWitness({ actor: reviewer, witnessId: b.id })).sameAs).toEqual({ id: a.id, code: a.code });
    await expect(updateWitness({ actor: researcher, witnessId: a.id, input: { sameAsCode: b.code } })).rejects.toMatchObject({ fields: { sameAsCode: ["same_witness_cycle"] } });
    await expect(updateWitness({ actor: researcher, witnessId: a.id, input: { sameAsCode: a.code } })).rejects.toMatchObject({ fields: { sameAsCode: ["same_witness_cycle"] } });
    await expect(updateWitness({ actor: researcher, witnessId: a.id, input: { sameAsCode: "W-9999" } })).rejects.toMatchObject({ fields: { sameAsCode: ["not_found"] } });
    await expect(updateWitness({ actor: researcher, witnessId: a.id, input: { sameAsCode: "Bob" } })).rejects.toMatchObject({ fields: { sameAsCode: ["invalid_witness_code"] } });
    // Typed on a Persian keyboard: «ص» for W and Persian digits name the same witness; nothing
    // else is left out, so a stray character is an error, never an emptied field that would undo.
    await updateWitness({ actor: researcher, witnessId: b.id, input: { sameAsCode: `ص-${a.code.slice(2).replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)))}` } });
    expect((await getWitness({ actor: reviewer, witnessId: b.id })).sameAs).toEqual({ id: a.id, code: a.code });
    await expect(updateWitness({ actor: researcher, witnessId: b.id, input: { sameAsCode: "!!" } })).rejects.toMatchObject({ fields: { sameAsCode: ["invalid_witness_code"] } });
    await expect(updateWitness({ actor: otherResearcher, witnessId: b.id, input: { sameAsCode: "" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateWitness({ actor: researcher, witnessId: b.id, input: { sameAsCode: "" } });
    expect((await getWitness({ actor: reviewer, witnessId: b.id })).sameAs).toBeNull();
    const events = await read((d) => d.auditEvent.findMany({ where: { recordId: b.id, action: "witness.update" }, orderBy: { seq: "asc" } }));
    expect(events.map((e) => JSON.parse(e.after!).sameAsId)).toEqual([a.id, a.id, null]);
  });

  test("a legal team sees the other record of the same person only while that witness, too, consented to legal sharing", async () => {
    const shared = await createWitness({ actor: researcher, input: { consents: [consent("LEGAL_SHARING")] } });
    const other = await createWitness({ actor: researcher, input: { consents: [consent("INTERNAL_RESEARCH")] } });
    await updateWitness({ actor: researcher, witnessId: shared.id, input: { sameAsCode: other.code } });
    // The other record does not exist for a legal team: not its page, and not its code or id on this one.
    await expect(getWitness({ actor: legal, witnessId: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getWitness({ actor: legal, witnessId: shared.id })).sameAs).toBeNull();
    expect((await getWitness({ actor: reviewer, witnessId: shared.id })).sameAs).toEqual({ id: other.id, code: other.code });
    // Nor in the record's history, which names the other record by id.
    const sameAsChanges = async (actor: Actor) =>
      (await getRecordHistory({ actor, recordType: "Witness", recordId: shared.id })).flatMap((e) => e.changes.filter((c) => c.field === "sameAsId").map((c) => c.after));
    expect(await sameAsChanges(reviewer)).toEqual([other.id]);
    expect(await sameAsChanges(legal)).toEqual(["[protected]"]);
    expect(JSON.stringify(await getRecordHistory({ actor: legal, recordType: "Witness", recordId: shared.id }))).not.toContain(other.id);
    // Once the other witness consents, the link is shown; withdrawn again, it is gone on the next read.
    const grant = await recordConsent({ actor: researcher, witnessId: other.id, input: consent("LEGAL_SHARING") });
    expect((await getWitness({ actor: legal, witnessId: shared.id })).sameAs).toEqual({ id: other.id, code: other.code });
    expect(await sameAsChanges(legal)).toEqual([other.id]);
    await withdrawConsent({ actor: researcher, consentId: grant.id, input: {} });
    expect((await getWitness({ actor: legal, witnessId: shared.id })).sameAs).toBeNull();
    expect(await sameAsChanges(legal)).toEqual(["[protected]"]);
  });
});
