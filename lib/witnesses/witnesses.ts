import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { parseInput } from "@/lib/validation";

export const PROTECTION_LEVELS = ["STANDARD", "CONFIDENTIAL", "PROTECTED"] as const;

export const ZCreateWitness = z.object({
  protectionLevel: z.enum(PROTECTION_LEVELS, { error: "invalid_choice" }).default("STANDARD"),
  notes: z.string({ error: "required" }).trim().max(5000, { error: "too_long:5000" }).default(""),
  fictional: z.boolean().default(false),
});

export function witnessCode(n: number): string {
  return `W-${String(n).padStart(4, "0")}`;
}

/** Next free pseudonym code; runs inside the write transaction, so codes never repeat. */
async function nextCode(tx: Tx): Promise<string> {
  const last = await tx.witness.findFirst({ orderBy: { code: "desc" }, select: { code: true } });
  const n = last ? Number.parseInt(last.code.slice(2), 10) : 0;
  return witnessCode(n + 1);
}

export async function createWitness({ actor, input }: { actor: Actor | null; input: unknown }) {
  authorize(actor, "witness.create");
  const data = parseInput(ZCreateWitness, input);
  return write(async (tx) => {
    const witness = await tx.witness.create({ data: { ...data, code: await nextCode(tx), createdById: actor.id } });
    await writeAudit(tx, {
      actor,
      action: "witness.create",
      recordType: "Witness",
      recordId: witness.id,
      after: { code: witness.code, protectionLevel: witness.protectionLevel, fictional: witness.fictional },
    });
    return witness;
  });
}

export async function listWitnesses({ actor }: { actor: Actor | null }) {
  authorize(actor, "witness.read");
  return read((db) =>
    db.witness.findMany({
      orderBy: { code: "asc" },
      select: { id: true, code: true, protectionLevel: true, fictional: true, createdAt: true, _count: { select: { statements: true } } },
    }),
  );
}
