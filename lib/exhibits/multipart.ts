import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "@/lib/errors";
import { tooLarge } from "./storage";

// Reads a multipart/form-data upload as it arrives: the file part is handed on as a stream
// (never buffered whole), the other fields are collected, and a body that is not multipart,
// is malformed, or is cut off gives a client error rather than a crash.

/** Room for the multipart envelope and the small fields around the file. */
const ENVELOPE_BYTES = 1024 * 1024;

export type MultipartUpload = {
  file: { stream: Readable; name: string; declaredType: string };
  /** All the text fields, once the whole body has been read. */
  fields: Promise<Record<string, string>>;
  /** Stops parsing; lets the rest of the body drain when it is of a bounded size. */
  abandon(): void;
};

export async function readMultipartUpload(req: Request, { maxBytes, fileField = "file" }: { maxBytes: number; fileField?: string }): Promise<MultipartUpload> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new AppError("INVALID_INPUT", "Send the file as multipart/form-data with a 'file' part.", { file: ["file_required"] });
  }
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);
  if (!req.body) throw new AppError("INVALID_INPUT", "The request has no body.", { file: ["file_required"] });

  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8", // Persian file names
      limits: { files: 1, fields: 20, parts: 30, fieldSize: 10_000, fieldNameSize: 100, headerPairs: 50 },
    });
  } catch {
    throw new AppError("INVALID_INPUT", "The multipart/form-data header is malformed (no boundary?).", { file: ["file_required"] });
  }

  const body = Readable.fromWeb(req.body as unknown as NodeWebReadableStream<Uint8Array>);
  const fields: Record<string, string> = {};
  let fileStream: Readable | null = null;
  let settled = false;

  let resolveFile!: (f: MultipartUpload["file"]) => void;
  let rejectFile!: (e: unknown) => void;
  const file = new Promise<MultipartUpload["file"]>((res, rej) => {
    resolveFile = res;
    rejectFile = rej;
  });
  let resolveFields!: (f: Record<string, string>) => void;
  let rejectFields!: (e: unknown) => void;
  const fieldsDone = new Promise<Record<string, string>>((res, rej) => {
    resolveFields = res;
    rejectFields = rej;
  });
  // Whoever awaits these may already have given up; an unobserved rejection is no crash.
  fieldsDone.catch(() => undefined);

  const malformed = () => new AppError("INVALID_INPUT", "The upload was cut off or is not well-formed multipart/form-data. Nothing was saved.", { file: ["upload_interrupted"] });
  const fail = (e: unknown) => {
    const err = e instanceof AppError ? e : malformed();
    fileStream?.destroy(err);
    rejectFile(err);
    rejectFields(err);
  };

  bb.on("field", (name, value, info) => {
    if (!info.nameTruncated && !info.valueTruncated) fields[name] = value;
    else fail(new AppError("INVALID_INPUT", `The field '${name}' is too long.`, { [name]: ["too_long:10000"] }));
  });
  bb.on("file", (name, stream, info) => {
    if (name !== fileField || settled) {
      stream.resume(); // not ours: read and drop
      return;
    }
    settled = true;
    fileStream = stream;
    // Until the consumer starts reading (it may first open a file), nobody listens on the stream:
    // a body cut off in that moment would be an unhandled 'error' event, a crash. The consumer
    // still sees the error when it reads (uploadChunks in storage.ts).
    stream.on("error", () => undefined);
    resolveFile({ stream, name: info.filename ?? "", declaredType: info.mimeType ?? "" });
  });
  bb.on("close", () => {
    if (!settled) rejectFile(new AppError("INVALID_INPUT", `The form has no '${fileField}' part with a file.`, { file: ["file_required"] }));
    resolveFields(fields);
  });
  bb.on("error", fail);
  // A client that goes away mid-upload: the file stream fails, and the partial file is dropped.
  body.on("error", fail);
  req.signal?.addEventListener?.("abort", () => fail(malformed()));
  body.pipe(bb);

  let abandoned = false;
  const abandon = () => {
    if (abandoned) return;
    abandoned = true;
    body.unpipe(bb);
    bb.destroy();
    // Reading the rest lets the client, still sending, receive our answer instead of a reset.
    // Only when the body has a declared, bounded length; otherwise the connection is dropped.
    if (Number.isFinite(declared) && declared <= maxBytes + ENVELOPE_BYTES) body.resume();
    else body.destroy();
  };

  try {
    return { file: await file, fields: fieldsDone, abandon };
  } catch (e) {
    abandon();
    throw e;
  }
}
