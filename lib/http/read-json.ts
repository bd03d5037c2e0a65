import type { z } from "zod";

import { ApiError } from "./api-error";

/** Request bodies of the shop are small forms; anything bigger is refused before parsing. */
export const MAX_BODY_BYTES = 16 * 1024;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads at most `limit` bytes of the body, so a huge upload is refused without buffering it. */
export async function readBody(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return "";

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }

  try {
    return strictUtf8.decode(Buffer.concat(chunks));
  } catch {
    // A lenient decoder would turn the bad bytes into U+FFFD and let the text through altered.
    throw new ApiError(400, "invalid_encoding", "The request body is not valid UTF-8.");
  }
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, "body_too_large", `The request body exceeds ${limit} bytes.`);
}

/** Parses a JSON body against `schema`; every failure is a 4xx naming what was wrong. */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.output<S>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new ApiError(415, "unsupported_media_type", "Send the body as application/json.");
  }

  const text = await readBody(request);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, "malformed_json", "The request body is not valid JSON.");
  }

  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;

  const issue = parsed.error.issues[0]!;
  const field = issue.path.join(".");
  throw new ApiError(400, "invalid_request", field ? `${field}: ${issue.message}` : issue.message, {
    field: field || null,
  });
}
