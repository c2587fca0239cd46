import { auditCheckpoint } from "@/lib/audit/verify-chain";
import { getDb } from "@/lib/db/client";
import { read } from "@/lib/db/write";

// Everything an import could have written: the row count of every table, and the audit
// chain's head. ImportJob is left out: it records attempts (and their progress) outside the
// import's transaction by design.
const NOT_COMPARED = new Set(["ImportJob"]);

export async function snapshot(): Promise<Record<string, number | string>> {
  const models = Object.keys((getDb() as unknown as { _runtimeDataModel: { models: Record<string, unknown> } })._runtimeDataModel.models).sort();
  const out: Record<string, number | string> = {};
  await read(async (db) => {
    for (const m of models) {
      if (NOT_COMPARED.has(m)) continue;
      const key = m[0].toLowerCase() + m.slice(1);
      out[m] = await (db as unknown as Record<string, { count(): Promise<number> }>)[key].count();
    }
  });
  const head = await auditCheckpoint();
  out.auditHead = `${head.seq}:${head.hash}`;
  return out;
}
