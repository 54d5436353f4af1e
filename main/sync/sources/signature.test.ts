import { describe, expect, it } from 'vitest';
import { signedWebhookFixture } from '../../testing/mock-upstream.js';
import { signBody, verifySignature } from './signature.js';

const { body, apiKey, signature } = signedWebhookFixture();

describe('webhook signatures', () => {
  it('signs the fixture body with the fixture key to exactly the published signature', () => {
    expect(signBody(body, apiKey)).toBe(signature);
    expect(signBody(body.toString('utf8'), apiKey)).toBe(signature);
  });

  it('accepts the published signature, also padded or in the standard base64 alphabet', () => {
    expect(verifySignature(body, signature, apiKey)).toBe(true);
    const standard = Buffer.from(signature, 'base64url').toString('base64');
    expect(standard.endsWith('=')).toBe(true);
    expect(verifySignature(body, standard, apiKey)).toBe(true);
  });

  it('refuses a tampered body, a wrong key, a missing header and a header of another length', () => {
    const tampered = Buffer.from(body);
    tampered[tampered.length - 3]! ^= 1;
    expect(verifySignature(tampered, signature, apiKey)).toBe(false);
    expect(verifySignature(Buffer.concat([body, Buffer.from('\n')]), signature, apiKey)).toBe(false);
    expect(verifySignature(body, signature, `${apiKey}x`)).toBe(false);
    expect(verifySignature(body, undefined, apiKey)).toBe(false);
    expect(verifySignature(body, '', apiKey)).toBe(false);
    expect(verifySignature(body, signature.slice(0, -1), apiKey)).toBe(false);
    expect(verifySignature(body, `${signature}AA`, apiKey)).toBe(false);
    const oneCharOff = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(verifySignature(body, oneCharOff, apiKey)).toBe(false);
  });
});
