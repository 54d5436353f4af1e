/**
 * X-Knit-Signature: HMAC-SHA256 of the raw request body keyed with the API key,
 * base64url without padding (spec/knit-sync-protocol.md, "Delivery").
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signBody(body: Buffer | string, apiKey: string): string {
  return createHmac('sha256', apiKey).update(body).digest('base64url');
}

/** True only when `header` is the signature of exactly these bytes. Constant time in the signature. */
export function verifySignature(body: Buffer, header: string | undefined, apiKey: string): boolean {
  if (header === undefined) return false;
  // Senders that pad or use the standard alphabet still mean the same 32 bytes.
  const received = Buffer.from(header.trim().replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'), 'latin1');
  const expected = Buffer.from(signBody(body, apiKey), 'latin1');
  // timingSafeEqual needs equal lengths; the length of a signature is no secret.
  return received.length === expected.length && timingSafeEqual(received, expected);
}
