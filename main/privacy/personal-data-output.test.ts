/**
 * Personal data stays out of what the app prints and answers (issue #9): canary names,
 * emails and phone numbers in malformed events never reach the CLI's output, an HTTP
 * error body, or the sync error list; they stay only in the kept body, which erasure removes.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiService } from '../api/service.js';
import { MemorySecretStore } from '../api/secrets.js';
import { openDatabase } from '../db/open.js';
import { signBody } from '../sync/sources/signature.js';
import { startWebhookReceiver } from '../sync/sources/webhook.js';
import { cli } from '../testing/cli.js';
import { mail } from '../testing/events.js';
import { tempDir, type TempDir } from '../testing/temp.js';

const NAME = 'Cassiopeia Leakwell';
const EMAIL = mail('cassiopeia.leakwell', 'canary.example');
const PHONE = 5550100123;
const CANARIES = ['Cassiopeia', 'Leakwell', EMAIL, String(PHONE)];

/** Events the pipeline refuses, each with a canary where the reason is reported. */
function hostileEvents(): string[] {
  const base = (n: number, eventData: Record<string, unknown>) =>
    JSON.stringify({ eventId: `ev_leak_${n}`, eventType: 'record.new', syncDataType: 'ats_applications', recordId: `app_leak_${n}`, eventData });
  return [
    base(1, { info: { id: 'app_leak_1', candidate: `${NAME} ${EMAIL}` } }),
    base(2, { info: { id: 'app_leak_2' }, interviews: NAME }),
    base(3, { info: { id: 'app_leak_3' }, offers: [PHONE] }),
    base(4, { info: { id: 'app_leak_4', candidate: { firstName: { name: NAME } } } }),
    base(5, { info: NAME }),
    `{"eventId": "ev_leak_6", "eventData": {"name": "${NAME}", ${EMAIL}}}`,
    `${NAME} <${EMAIL}> ${PHONE}`,
  ];
}

function leaks(text: string): string[] {
  return CANARIES.filter((canary) => text.includes(canary));
}

let dir: TempDir;
beforeEach(() => {
  dir = tempDir('cv-pii-');
});
afterEach(() => dir.remove());

describe('personal data in refused events', () => {
  it('is not in the CLI output, text or JSON, nor in the sync error list', { timeout: 120_000 }, async () => {
    const file = dir.file('hostile.ndjson');
    writeFileSync(file, `${hostileEvents().join('\n')}\n`);
    const db = dir.file('cv.sqlite');
    const text = cli(['sync', file, '--db', db]);
    expect(text.stdout).toMatch(/^Read 7 events: 0 applied, .* 7 rejected\.\n$/);
    expect(text.stderr.split('\n').filter(Boolean)).toHaveLength(7);
    expect(leaks(text.stdout + text.stderr)).toEqual([]);
    const json = cli(['sync', file, '--db', dir.file('cv2.sqlite'), '--json']);
    expect(json.json().rejected).toBe(7);
    expect(leaks(json.stdout + json.stderr)).toEqual([]);

    const open = openDatabase(db);
    const api = createApiService({ db: open, secrets: new MemorySecretStore('test') });
    try {
      const runs = await api.dispatch('syncRuns', {});
      const runId = (runs as { ok: true; value: { id: number }[] }).value[0]!.id;
      const errors = await api.dispatch('syncErrors', { runId });
      expect(errors).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]) });
      expect(leaks(JSON.stringify(errors))).toEqual([]);
      // The bodies are kept for inspection (and erased with the candidate); only there.
      expect(leaks(JSON.stringify(open.prepare('SELECT body FROM rejected_events').all()))).toEqual(CANARIES);
    } finally {
      await api.close();
      open.close();
    }
  });

  it('is not in the webhook receiver’s error answers', async () => {
    const db = openDatabase(dir.file('hook.sqlite'));
    const apiKey = 'pii test key';
    const receiver = await startWebhookReceiver({ db, apiKey });
    try {
      for (const body of hostileEvents()) {
        const response = await fetch(receiver.url, { method: 'POST', headers: { 'X-Knit-Signature': signBody(body, apiKey) }, body });
        const answer = await response.text();
        expect(response.status).toBe(400);
        expect(leaks(answer)).toEqual([]);
      }
    } finally {
      await receiver.close();
      db.close();
    }
  });
});
