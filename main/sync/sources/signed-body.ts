/** What every webhook POST gets, at the receiver and the relay alike: a size cap, then the signature on the raw bytes. */
import type { IncomingMessage } from 'node:http';
import { readBody } from '../../http/body.js';
import { parseJson } from '../../http/json.js';
import { HttpError } from '../../http/respond.js';
import { verifySignature } from './signature.js';

/** Attachments arrive base64 inside the event, so a real event can be several MiB. */
export const DEFAULT_MAX_BODY_BYTES = 25 * 1024 * 1024;
export const SIGNATURE_HEADER = 'x-knit-signature';

/**
 * The body of a webhook POST: size-capped, its signature verified on the raw bytes
 * before anything parses them, then parsed as JSON.
 */
export async function readSignedJson(
  req: IncomingMessage,
  apiKey: string,
  maxBytes: number,
): Promise<{ text: string; value: unknown }> {
  const body = await readBody(req, maxBytes);
  const header = req.headers[SIGNATURE_HEADER];
  if (!verifySignature(body, typeof header === 'string' ? header : undefined, apiKey)) {
    throw new HttpError(401, header === undefined ? 'the X-Knit-Signature header is missing' : 'the X-Knit-Signature does not match the body');
  }
  const text = body.toString('utf8');
  return { text, value: parseJson(text) };
}

