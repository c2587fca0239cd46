// Shared by the transfer and backup tests (not a test file itself): the demo seed plus records
// of every kind an export and a backup must carry — statements with several revisions, a review,
// pinpoint links, exhibits with files and custody, consent, a source with a claim, a witness
// marked as the same person as another, and protected identity.
import { Readable } from "node:stream";
import type { Actor } from "@/lib/auth/actor";
import { isRole } from "@/lib/auth/roles";
import { createClaim } from "@/lib/claims";
import { read } from "@/lib/db/write";
import { addCustodyEntry, uploadExhibit } from "@/lib/exhibits";
import { createLink } from "@/lib/links";
import { CHECKLIST } from "@/lib/review/schemas";
import { decideReview, submitStatement, takeForReview } from "@/lib/review/workflow";
import { seedDemo } from "@/lib/seed/seed-demo";
import { createSource } from "@/lib/sources";
import { createStatement, updateStatement } from "@/lib/statements/statements";
import { createWitness, updateWitness } from "@/lib/witnesses/witnesses";

/** Distinctive strings a test can look for in raw bytes. */
export const WITNESS_NAME = "Zarvanqoli Espandiarpour";
export const STATEMENT_MARKER = "Qaravolgharavi-unique-testimony-phrase";
export const PERSIAN_TEXT = "در مرداد ۱۳۶۷ ملاقات‌ها قطع شد و هیئت به بند آمد.";

export async function demoActors(): Promise<Record<"ADMIN" | "RESEARCHER" | "REVIEWER" | "LEGAL", Actor>> {
  const users = await read((d) => d.user.findMany({ orderBy: { createdAt: "asc" } }));
  const out: Partial<Record<string, Actor>> = {};
  for (const u of users) if (isRole(u.role) && !out[u.role]) out[u.role] = { id: u.id, email: u.email, name: u.name, role: u.role };
  return out as Record<"ADMIN" | "RESEARCHER" | "REVIEWER" | "LEGAL", Actor>;
}

export async function buildRichData() {
  await seedDemo();
  const a = await demoActors();
  const w1 = await createWitness({
    actor: a.RESEARCHER,
    input: {
      fictional: true,
      identity: { legalName: WITNESS_NAME, contact: "+46 70 000 00 00" },
      consents: [{ scope: "INTERNAL_RESEARCH", givenAt: "2020-01-01", method: "WRITTEN" }, { scope: "LEGAL_SHARING", givenAt: "2020-01-01", method: "WRITTEN" }],
    },
  });
  const w2 = await createWitness({ actor: a.RESEARCHER, input: { fictional: true } });
  await updateWitness({ actor: a.RESEARCHER, witnessId: w2.id, input: { sameAsCode: w1.code } });

  const s = await createStatement({ actor: a.RESEARCHER, input: { witnessId: w1.id, title: "شهادت آزمایشی", language: "fa", originalText: `${PERSIAN_TEXT} ${STATEMENT_MARKER}` } });
  await updateStatement({ actor: a.RESEARCHER, statementId: s.id, input: { title: "شهادت آزمایشی", language: "fa", originalText: `${PERSIAN_TEXT} ${STATEMENT_MARKER} ویرایش دوم`, reason: "افزودن", baseRevision: 1 } });
  await submitStatement({ actor: a.RESEARCHER, statementId: s.id });
  await takeForReview({ actor: a.REVIEWER, statementId: s.id });
  const allChecked = Object.fromEntries(CHECKLIST.map((k) => [k, true]));
  await decideReview({ actor: a.REVIEWER, statementId: s.id, input: { revisionNumber: 2, decision: "VERIFIED", checklist: allChecked, sourceReliability: "B", credibility: 2 } });

  const person = await read((d) => d.person.findFirstOrThrow({ orderBy: { name: "asc" } }));
  const quote = "ملاقات‌ها";
  const start = PERSIAN_TEXT.indexOf(quote);
  await createLink({ actor: a.RESEARCHER, input: { statementId: s.id, revisionNumber: 2, startOffset: start, endOffset: start + quote.length, quote, personId: person.id, role: "PRESENT", allegationType: "IMPRISONMENT" } });

  const file1 = Buffer.from(`Interview notes (fictional). ${STATEMENT_MARKER}\n`.repeat(50), "utf8");
  const file2 = Buffer.from("A second fictional exhibit: a list of dates.\n1988-07-19\n1988-08-27\n", "utf8");
  const ex1 = await uploadExhibit({ actor: a.RESEARCHER, file: { stream: Readable.from([file1]), name: "notes.txt" }, input: { statementId: s.id, description: "notes" } });
  await uploadExhibit({ actor: a.RESEARCHER, file: { stream: Readable.from([file2]), name: "dates.txt" }, input: { witnessId: w1.id } });
  await addCustodyEntry({ actor: a.RESEARCHER, exhibitId: ex1.exhibit.id, input: { kind: "TRANSFERRED", who: "Prosecutor's office", at: "2021-08-10" } });

  const src = await createSource({ actor: a.RESEARCHER, input: { title: "Fictional report", author: "Test NGO", year: 2019 } });
  await createClaim({ actor: a.RESEARCHER, input: { topic: "death-toll-test", claimedBy: "Test NGO", low: 100, high: 200, sourceId: src.id } });
  return { actors: a, statementId: s.id, witnessIds: [w1.id, w2.id] };
}
