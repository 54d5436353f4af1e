/**
 * Packages the app: `tsx main/app/scripts/dist.ts [electron-builder options]`, after the
 * renderer and dist/app are built.
 *
 * electron-builder's `npmRebuild` rebuilds node_modules/better-sqlite3 for Electron in
 * place (its @electron/rebuild buildPath is the project), which would leave tests and the
 * CLI with a module Node cannot load. So this keeps Node's build aside and puts it back
 * afterwards, whether packaging worked or not. The whole build/ folder moves, since
 * @electron/rebuild also leaves a marker there that would make the next packaging skip
 * the rebuild.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBuildEnvironment } from './gyp-env.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const requireFromRoot = createRequire(join(ROOT, 'package.json'));

function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    // Another file system (tmp on its own mount): copy, then remove.
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

function runBuilder(args: string[]): Promise<number> {
  const cli = join(dirname(requireFromRoot.resolve('electron-builder/package.json')), 'cli.js');
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [cli, '--publish', 'never', ...args], { cwd: ROOT, env: electronBuildEnvironment(), stdio: 'inherit' });
    // Ctrl+C reaches electron-builder too; stay alive until it has stopped, to put Node's build back.
    const wait = () => {};
    process.on('SIGINT', wait).on('SIGTERM', wait);
    child.on('error', failed);
    child.on('close', (code) => {
      process.off('SIGINT', wait).off('SIGTERM', wait);
      done(code ?? 1);
    });
  });
}

async function main(): Promise<void> {
  for (const file of ['dist/app/main.js', 'dist/app/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const nodeBuild = join(dirname(requireFromRoot.resolve('better-sqlite3/package.json')), 'build');
  const keep = join(mkdtempSync(join(tmpdir(), 'candidate-viewer-dist-')), 'build');
  const hadBuild = existsSync(nodeBuild);
  if (hadBuild) move(nodeBuild, keep);
  try {
    process.exitCode = await runBuilder(process.argv.slice(2));
  } finally {
    if (hadBuild) {
      rmSync(nodeBuild, { recursive: true, force: true });
      move(keep, nodeBuild);
      console.log('restored better-sqlite3 as built for Node (tests and the CLI load it)');
    }
    rmSync(dirname(keep), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`dist: ${(error as Error)?.message ?? String(error)}`);
  process.exitCode = 1;
});
