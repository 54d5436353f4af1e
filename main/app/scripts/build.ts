/**
 * Compiles the Electron shell: `tsx main/app/scripts/build.ts`.
 *   dist/app/main.js     the main process, one ESM file; electron and better-sqlite3 stay
 *                        external (the native module must load from node_modules).
 *   dist/app/preload.cjs the sandboxed preload, one plain script (an IIFE) that requires
 *                        nothing but 'electron' and bundles no package (the method names
 *                        come from shared/api/methods.ts, so zod stays out).
 * Fails when either bundle reaches for anything else.
 */
import { build, type Metafile } from 'esbuild';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_METHOD_NAMES } from '../../../shared/api/methods.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DEFAULT_OUT_DIR = join(ROOT, 'dist', 'app');
/** Lower bounds for the syntax: Electron 45 ships a newer Node and Chromium than these. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

function externalImports(metafile: Metafile): string[] {
  const imports = Object.values(metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
  return [...new Set(imports)].sort();
}

function check(name: string, imports: string[], allowed: (path: string) => boolean): void {
  const unexpected = imports.filter((path) => !allowed(path));
  if (unexpected.length > 0) throw new Error(`${name} must not load ${unexpected.join(', ')} at run time`);
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

async function buildMain(outDir: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    // The text-extraction worker is its own file beside main.js (main/attachments/extract/pool.ts looks for it there).
    entryPoints: { main: 'main/app/main.ts', 'extract-worker': 'main/attachments/extract/worker.ts' },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    // ESM builds of dependencies where they have one; CommonJS ones get a real `require`.
    mainFields: ['module', 'main'],
    external: ['electron', 'better-sqlite3'],
    banner: { js: "import { createRequire as __cvCreateRequire } from 'node:module'; const require = __cvCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const imports = externalImports(result.metafile);
  check('dist/app/main.js', imports, (path) => path === 'electron' || path === 'better-sqlite3' || NODE_BUILTINS.has(path));
  return imports;
}

async function buildPreload(outDir: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['main/app/preload.ts'],
    outfile: join(outDir, 'preload.cjs'),
    bundle: true,
    // A sandboxed preload is a page script with a tiny `require`: no Node built-ins.
    platform: 'browser',
    // A plain script: no module.exports, just `require('electron')` from the preload wrapper.
    format: 'iife',
    target: CHROME_TARGET,
    external: ['electron'],
    sourcemap: 'inline',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  });
  const imports = externalImports(result.metafile);
  check('dist/app/preload.cjs', imports, (path) => path === 'electron');
  const text = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
  const required = [...text.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
  check('dist/app/preload.cjs', required.filter((path): path is string => path !== undefined), (path) => path === 'electron');
  const inputs = Object.keys(result.metafile.inputs);
  if (inputs.some((input) => input.includes('node_modules'))) throw new Error(`the preload bundles a package: ${inputs.join(', ')}`);
  return inputs;
}

export interface AppBuild {
  /** What dist/app/main.js loads at run time besides Node's built-ins. */
  mainExternals: string[];
  /** The source files inside dist/app/preload.cjs. */
  preloadInputs: string[];
}

export async function buildApp(outDir: string = DEFAULT_OUT_DIR): Promise<AppBuild> {
  const [mainImports, preloadInputs] = await Promise.all([buildMain(outDir), buildPreload(outDir)]);
  return { mainExternals: mainImports.filter((path) => !NODE_BUILTINS.has(path)), preloadInputs };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { mainExternals, preloadInputs } = await buildApp();
  console.log(`${relative(ROOT, join(DEFAULT_OUT_DIR, 'main.js'))}  (external: ${mainExternals.join(', ')})`);
  console.log(`${relative(ROOT, join(DEFAULT_OUT_DIR, 'preload.cjs'))}  (from ${preloadInputs.join(', ')}; ${API_METHOD_NAMES.length} methods)`);
}
