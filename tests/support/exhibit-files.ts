import { createHash } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";

// Small real files for the exhibit tests, made on the fly rather than committed.

/** A mono 16-bit PCM WAV of `seconds` at 44.1 kHz; `seed` makes each one different. */
export function wav(seconds: number, seed = 1): Buffer {
  const rate = 44_100;
  const samples = Math.round(rate * seconds);
  const data = Buffer.alloc(samples * 2);
  let x = seed;
  for (let i = 0; i < samples; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const v = Math.round(Math.sin((i * 440 * 2 * Math.PI) / rate) * 8000 + ((x % 200) - 100));
    data.writeInt16LE(v, i * 2);
  }
  const h = Buffer.alloc(44);
  h.write("RIFF", 0, "ascii");
  h.writeUInt32LE(36 + data.length, 4);
  h.write("WAVE", 8, "ascii");
  h.write("fmt ", 12, "ascii");
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write("data", 36, "ascii");
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

/** A one-page PDF showing `text` (ASCII). */
export function pdf(text = "EX"): Buffer {
  const objects = [
    "<</Type /Catalog /Pages 2 0 R>>",
    "<</Type /Pages /Kids [3 0 R] /Count 1>>",
    "<</Type /Page /Parent 2 0 R /MediaBox [0 0 300 120] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>>",
    null, // the content stream, below
    "<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
  ];
  const content = `BT /F1 20 Tf 20 50 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += o === null ? `${i + 1} 0 obj <</Length ${content.length}>>\nstream\n${content}\nendstream\nendobj\n` : `${i + 1} 0 obj ${o} endobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer <</Size ${objects.length + 1} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A 2×2 PNG of one colour. */
export function png(r = 200, g = 30, b = 30): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const rows = Buffer.from([0, r, g, b, r, g, b, 0, r, g, b, r, g, b]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

/** The start of a Linux executable: not evidence, whatever its name says. */
export const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 0x01)]);
export const HTML = Buffer.from("<!DOCTYPE html><html><body><script>fetch('/api/v1/users')</script></body></html>");

export const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
