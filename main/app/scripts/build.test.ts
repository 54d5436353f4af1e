import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHOD_NAMES } from '../../../shared/api/contract.js';
import { pdfWithPages } from '../../attachments/extract/test-files.js';
import { tempDir, type TempDir } from '../../testing/temp.js';
import { buildApp, type AppBuild } from './build.js';

describe('the Electron build', () => {
  let dir: TempDir;
  let result: AppBuild;

  beforeAll(async () => {
    dir = tempDir();
    result = await buildApp(dir.path);
  });
  afterAll(() => dir.remove());

  it('bundles the main process into one ES module that loads only electron and better-sqlite3', () => {
    expect(result.mainExternals).toEqual(['better-sqlite3', 'electron']);
    execFileSync(process.execPath, ['--check', dir.file('main.js')]);
  });

  it('bundles the text-extraction worker as its own file, which reads text on its own', async () => {
    const worker = new Worker(dir.file('extract-worker.js'), { workerData: {} });
    try {
      const answer = new Promise((resolve, reject) => {
        worker.on('message', (message: Record<string, unknown>) => 'id' in message && resolve(message));
        worker.on('error', reject);
      });
      worker.postMessage({ id: 1, task: { kind: 'text', bytes: pdfWithPages([['Hello bundle']]), mediaType: 'application/pdf' } });
      expect(await answer).toEqual({ id: 1, result: { ok: true, text: 'Hello bundle', truncated: false } });
    } finally {
      await worker.terminate();
    }
  });

  it('bundles a preload that runs where only electron can be required, and exposes the contract', () => {
    expect(result.preloadInputs.some((input) => input.includes('node_modules'))).toBe(false);
    const exposed = new Map<string, Record<string, unknown>>();
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
      ipcRenderer: { invoke: (...args: unknown[]) => invoked.push(args), on: () => {}, removeListener: () => {} },
    };
    const sandboxedRequire = (name: string) => {
      if (name !== 'electron') throw new Error(`module not found: ${name}`);
      return electron;
    };
    // As Electron's sandboxed preload wrapper does: a plain script given a tiny require.
    new Function('require', readFileSync(dir.file('preload.cjs'), 'utf8'))(sandboxedRequire);
    const api = exposed.get('api')!;
    expect(Object.keys(api).sort()).toEqual([...API_METHOD_NAMES, 'onEvent', 'onMenu', 'vault'].sort());
    (api.listApplications as (request: unknown) => void)({ limit: 5 });
    expect(invoked).toEqual([['api:listApplications', { limit: 5 }]]);
  });
});
