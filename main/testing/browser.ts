/**
 * What e2e tests, screenshots and the UI bench share: Debian's Chromium (Playwright cannot
 * download its own browsers here) with the flags this machine needs, and the web face
 * started as `npm run web` starts it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cli.js';

/** Launch options for Playwright's chromium: Debian's binary where there is one. */
export function chromiumLaunchOptions(): { executablePath: string | undefined; args: string[] } {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return {
    executablePath: existsSync(executablePath) ? executablePath : undefined,
    args: [
      // Without these Chromium keeps dialling Google's hosts, refused on a closed network.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--no-first-run',
      // Chromium refuses to run as root without it (containers, CI).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  };
}

export interface RunningWebFace {
  /** The address with the token, as printed on the first line. */
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
}

/** Starts the web face on a free port and resolves with the address it prints first. */
export function startWebFace(db: string, timeoutMs = 60_000): Promise<RunningWebFace> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'main/web/cli.ts'), '--db', db, '--port', '0'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the web face printed no address in ${timeoutMs} ms: ${err}`));
    }, timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0]?.trim();
      if (!out.includes('\n') || !line) return;
      clearTimeout(timer);
      const url = new URL(line);
      resolve({ url: line, origin: url.origin, token: url.searchParams.get('token') ?? '', child });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the web face exited ${code}: ${err}`));
    });
  });
}
