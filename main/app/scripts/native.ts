/**
 * Builds better-sqlite3 for the installed Electron: `tsx main/app/scripts/native.ts [--force]`.
 *
 * Tests and the CLI load node_modules/better-sqlite3 built for Node; Electron has another
 * ABI. Rebuilding in place would break one or the other, so this compiles a copy of the
 * package in a temporary folder and keeps only the result, in
 * dist/native/electron-<version>/better_sqlite3.node, which the app passes to
 * better-sqlite3 as `nativeBinding`. Nothing under node_modules changes.
 *
 * It needs Electron's headers once (node-gyp downloads them from electronjs.org into
 * ~/.electron-gyp); offline, point CANDIDATE_VIEWER_ELECTRON_HEADERS at an unpacked
 * node-v<version>-headers.tar.gz from https://electronjs.org/headers/v<version>/.
 * Skips the build when the file for this Electron version is already there.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nativeBindingPath } from '../locations.js';
import { electronBuildEnvironment } from './gyp-env.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const HEADERS_URL = 'https://electronjs.org/headers';
const requireFromRoot = createRequire(join(ROOT, 'package.json'));

class NativeBuildError extends Error {}

function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(requireFromRoot.resolve(`${name}/package.json`), 'utf8')) as { version?: unknown };
  if (typeof manifest.version !== 'string') throw new NativeBuildError(`node_modules/${name}/package.json has no version`);
  return manifest.version;
}

/** npm hands its own node-gyp to scripts; otherwise the one installed beside us. */
function nodeGypScript(): string {
  const fromNpm = process.env.npm_config_node_gyp;
  if (fromNpm !== undefined && fromNpm !== '' && existsSync(fromNpm)) return fromNpm;
  try {
    return requireFromRoot.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    throw new NativeBuildError('node-gyp was not found: run this through npm (`npm run native`), which brings its own.');
  }
}

/** Runs a command, echoing its output, and answers its exit code and what it printed. */
function run(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((done, failed) => {
    const child = spawn(command, args, { cwd, env: electronBuildEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer, to: NodeJS.WriteStream) => {
      to.write(chunk);
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', (chunk: Buffer) => keep(chunk, process.stdout));
    child.stderr.on('data', (chunk: Buffer) => keep(chunk, process.stderr));
    child.on('error', failed);
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

/**
 * Proves the module is built for Electron: Node must refuse it, naming Electron's ABI
 * (node_modules/electron/abi_version). A module Node loads was built against Node's headers.
 */
function checkElectronAbi(file: string, electronVersion: string): void {
  const abiFile = join(dirname(requireFromRoot.resolve('electron/package.json')), 'abi_version');
  const expected = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : null;
  let message: string;
  try {
    process.dlopen({ exports: {} }, file);
    message = '';
  } catch (error) {
    message = (error as Error).message;
  }
  const found = /using NODE_MODULE_VERSION (\d+)/.exec(message)?.[1];
  if (found === undefined || (expected !== null && found !== expected)) {
    throw new NativeBuildError(
      `the module built is not for Electron ${electronVersion}${expected === null ? '' : ` (ABI ${expected})`}: ` +
        (found === undefined ? `Node ${process.version} loads it, so it was built against Node's headers` : `it has ABI ${found}`) +
        '. Check CANDIDATE_VIEWER_ELECTRON_HEADERS and any `nodedir` in your npm config.',
    );
  }
}

const NETWORK_FAILURE = /network connectivity|behind a proxy|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|fetch failed|socket hang up|certificate|\b40[34]\b|tunneling socket/i;

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const electronVersion = packageVersion('electron');
  const sqliteVersion = packageVersion('better-sqlite3');
  const target = nativeBindingPath(ROOT, electronVersion);
  if (existsSync(target) && !force) {
    console.log(`${relative(ROOT, target)} is already built for Electron ${electronVersion} (--force to rebuild)`);
    return;
  }

  const headers = process.env.CANDIDATE_VIEWER_ELECTRON_HEADERS;
  const devdir = join(homedir(), '.electron-gyp');
  const work = mkdtempSync(join(tmpdir(), 'candidate-viewer-native-'));
  try {
    const source = dirname(requireFromRoot.resolve('better-sqlite3/package.json'));
    const copy = join(work, 'better-sqlite3');
    // Sources only: never the build/ that Node's ABI lives in.
    cpSync(source, copy, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build') + sep) && path !== join(source, 'build') });
    console.log(`building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch}) in ${work}`);
    const args = [
      nodeGypScript(),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      `--dist-url=${HEADERS_URL}`,
      `--devdir=${devdir}`,
      ...(headers !== undefined && headers !== '' ? [`--nodedir=${resolve(headers)}`] : []),
    ];
    const { code, output } = await run(process.execPath, args, copy);
    if (code !== 0) {
      const cached = existsSync(join(devdir, electronVersion));
      if (!cached && (headers === undefined || headers === '') && NETWORK_FAILURE.test(output)) {
        throw new NativeBuildError(
          `could not download the Electron ${electronVersion} headers from ${HEADERS_URL} (no internet?). ` +
            `Connect once and run again, or unpack ${HEADERS_URL}/v${electronVersion}/node-v${electronVersion}-headers.tar.gz ` +
            'and set CANDIDATE_VIEWER_ELECTRON_HEADERS to that folder.',
        );
      }
      throw new NativeBuildError(`node-gyp could not build better-sqlite3 for Electron ${electronVersion} (exit code ${code}; its output is above).`);
    }
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new NativeBuildError(`node-gyp succeeded but left no ${relative(work, built)}`);
    checkElectronAbi(built, electronVersion);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built, target);
    console.log(`${relative(ROOT, target)} built for Electron ${electronVersion}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`native: ${error instanceof NativeBuildError ? error.message : ((error as Error)?.stack ?? String(error))}`);
  process.exitCode = 1;
});
