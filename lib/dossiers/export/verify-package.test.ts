import { createHash } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ZipFile } from "yazl";
import { afterAll, describe, expect, test } from "vitest";
import { verifyPackage } from "../verify-package.mjs";

// The standalone verifier reads ZIPs itself (Node's zlib only): stored and deflated entries,
// ZIP64 records, empty files, names in Persian.

const dir = mkdtempSync(join(tmpdir(), "casefile-verify-pkg-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function makeZip(name: string, files: Record<string, Buffer>, opts: { zip64: boolean; manifestFiles?: Record<string, Buffer>; extra?: Record<string, Buffer> }) {
  const path = join(dir, name);
  const zip = new ZipFile();
  const out = createWriteStream(path);
  const done = new Promise<void>((r) => out.on("finish", () => r()));
  zip.outputStream.pipe(out);
  const listed = opts.manifestFiles ?? files;
  const manifest = { format: "casefile-dossier-package/1", dossier: { id: "d1" }, export: { id: "e1" }, files: Object.entries(listed).map(([p, b]) => ({ path: p, sha256: sha(b), size: b.length })) };
  for (const [p, b] of Object.entries({ ...files, ...(opts.extra ?? {}) })) zip.addBuffer(b, p, { forceZip64Format: opts.zip64, compress: !p.endsWith(".bin") });
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), "manifest.json", { forceZip64Format: opts.zip64 });
  zip.end({ forceZip64Format: opts.zip64 } as never);
  await done;
  return path;
}

const files = {
  "dossier.pdf": Buffer.from("%PDF-1.4 not really\n".repeat(200)),
  "exhibits/CF-0001-سند.bin": Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251)),
  "exhibits/CF-0002-empty.txt": Buffer.alloc(0),
};

describe("verify-package.mjs", () => {
  test.each([false, true])("an intact package verifies (ZIP64 records: %s)", async (zip64) => {
    const path = await makeZip(`ok-${zip64}.zip`, files, { zip64 });
    if (zip64) expect(readFileSync(path).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true); // ZIP64 end record present
    const r = await verifyPackage(path);
    expect(r).toMatchObject({ ok: true, checked: 3, problems: [] });
  });

  test("a changed, a missing and an unlisted file are each named", async () => {
    const listed = { ...files, "README.txt": Buffer.from("read me") };
    const changed = { ...files, "dossier.pdf": Buffer.from("%PDF-1.4 not really\n".repeat(199) + "%PDF-1.4 not reallY\n") };
    const path = await makeZip("bad.zip", changed, { zip64: true, manifestFiles: listed, extra: { "notes.txt": Buffer.from("x") } });
    const r = await verifyPackage(path);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.path} ${p.problem.split(":")[0]}`).sort()).toEqual(["README.txt MISSING", "dossier.pdf MISMATCH", "notes.txt UNEXPECTED"]);
  });

  test("an unzipped folder verifies too, and a file that is not a package is refused", async () => {
    const folder = join(dir, "folder");
    for (const [p, b] of Object.entries(files)) {
      const full = join(folder, p);
      await import("node:fs").then((fs) => fs.mkdirSync(join(full, ".."), { recursive: true }));
      writeFileSync(full, b);
    }
    writeFileSync(join(folder, "manifest.json"), JSON.stringify({ files: Object.entries(files).map(([p, b]) => ({ path: p, sha256: sha(b), size: b.length })) }));
    expect(await verifyPackage(folder)).toMatchObject({ ok: true, checked: 3 });
    writeFileSync(join(dir, "not.zip"), "hello");
    await expect(verifyPackage(join(dir, "not.zip"))).rejects.toThrow(/not a ZIP/);
  });
});
