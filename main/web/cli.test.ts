import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliEnv, exited, firstLine, REPO } from '../testing/cli.js';
import { tempDir, type TempDir } from '../testing/temp.js';

const WEB_CLI = join(REPO, 'main', 'web', 'cli.ts');
const URL_LINE = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43})$/;

let dir: TempDir;
let child: ChildProcess | undefined;

beforeEach(() => {
  dir = tempDir();
});

afterEach(async () => {
  if (child !== undefined && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited(child);
  }
  child = undefined;
  dir.remove();
});

function web(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  child = spawn(process.execPath, ['--import', 'tsx', WEB_CLI, ...args], { cwd: REPO, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  return child;
}

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

async function post(origin: string, token: string, method: string, body: unknown): Promise<any> {
  const response = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return response.json();
}

describe('npm run web', () => {
  it('prints the address with its token first, serves the API, explains a missing build, and stops on SIGTERM', async () => {
    const notBuilt = dir.file('no-build');
    const face = web(['--db', dir.file('web.sqlite'), '--port', '0', '--static', notBuilt], { KNIT_API_KEY: 'k-from-env', CANDIDATE_VIEWER_FEED_TOKEN: undefined });
    const stdout = collect(face.stdout);
    const line = await firstLine(face);
    const match = URL_LINE.exec(line);
    expect(match, line).not.toBeNull();
    const [, port, token] = match!;
    const origin = `http://127.0.0.1:${port}`;

    expect(await post(origin, token!, 'overview', {})).toEqual({ ok: true, value: { applications: 0, deleted: 0, jobs: 0, lastSyncedAt: null } });
    expect(await post(origin, token!, 'getSettings', {})).toMatchObject({
      ok: true,
      value: { hasApiKey: true, hasFeedToken: false, secretsPersisted: false, secretsWarning: expect.stringMatching(/web face.*memory only/) },
    });
    expect((await fetch(`${origin}/api/overview`, { method: 'POST', body: '{}' })).status).toBe(401);
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toMatch(/run `npx vite build`/);

    face.kill('SIGTERM');
    expect(await exited(face)).toBe(0);
    expect(stdout().split('\n')[1]).toMatch(/Open the address above in your browser/);
  });

  it('serves a given build and seeds an empty database with --seed-demo', async () => {
    const site = dir.file('site');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>built</title>\n');
    const face = web(['--db', dir.file('web.sqlite'), '--seed-demo', '--static', site]);
    const match = URL_LINE.exec(await firstLine(face));
    expect(match).not.toBeNull();
    const [, port, token] = match!;
    const origin = `http://127.0.0.1:${port}`;
    // The demo sync has finished before the address is printed.
    expect(await post(origin, token!, 'listApplications', { limit: 1 })).toMatchObject({ ok: true, value: { total: 500 } });
    expect(await (await fetch(`${origin}/applications/x`)).text()).toMatch(/<title>built<\/title>/);
    face.kill('SIGINT');
    expect(await exited(face)).toBe(0);
  });

  it('serves dist/renderer by default, or explains that it is not built', async () => {
    const face = web(['--db', dir.file('web.sqlite'), '--port', '0']);
    const match = URL_LINE.exec(await firstLine(face));
    expect(match).not.toBeNull();
    const page = await fetch(`http://127.0.0.1:${match![1]}/`);
    const built = join(REPO, 'dist', 'renderer', 'index.html');
    if (existsSync(built)) {
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(readFileSync(built, 'utf8'));
    } else {
      expect(page.status).toBe(503);
      expect(await page.text()).toMatch(/npx vite build/);
    }
    face.kill('SIGTERM');
    expect(await exited(face)).toBe(0);
  });

  it('exits 2 with an error line on a usage mistake', () => {
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', WEB_CLI, ...args], { cwd: REPO, env: cliEnv(), encoding: 'utf8' });
    const badPort = run(['--db', dir.file('x.sqlite'), '--port', 'abc']);
    expect(badPort.status).toBe(2);
    expect(badPort.stdout).toBe('');
    expect(badPort.stderr).toMatch(/^error: --port takes a whole number from 0 to 65535, got "abc"\n/);
    expect(run(['--port', '70000']).status).toBe(2);
    expect(run(['--bogus']).stderr).toMatch(/^error: Unknown option '--bogus'/);
    expect(run(['extra']).status).toBe(2);
  });

  it('exits 1 when it cannot serve', () => {
    writeFileSync(dir.file('not-a-db.sqlite'), 'this is not a database, it is plain text and long enough to be read');
    const run = spawnSync(process.execPath, ['--import', 'tsx', WEB_CLI, '--db', dir.file('not-a-db.sqlite')], { cwd: REPO, env: cliEnv(), encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: .*not-a-db\.sqlite/);
  });
});
