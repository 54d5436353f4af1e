/**
 * The first-load budget of the attachments issue (#7): "the renderer's first load stays as
 * fast as today: pdf.js, mammoth, DOMPurify and the CSV parser load only when a preview first
 * needs them (the initial bundle grows <= 10%)".
 *
 * The initial bundle is every script and stylesheet the built index.html loads before the app
 * can draw: the entry chunk, the chunks it imports statically (closed over), their CSS, and
 * whatever index.html names besides (its <script src> and <link href>). Chunks reached only
 * through import() are lazy. Sizes are of the files as built, raw and gzipped (node:zlib,
 * default level, as a server would send them).
 *
 * - Ours: `vite build` of this working tree with its own vite.config.ts, in memory (nothing is
 *   written to dist/).
 * - Ideal: the same build of commit a01faa1, the last before the #7 work began (cbd0737), from
 *   `git archive` into a temp dir with this repo's node_modules linked in, so the same vite,
 *   plugins and library versions build both in the same run. What grew is listed by module
 *   (rendered size before minifying, from the bundler's own module list), since the commits
 *   after a01faa1 also carry the reports (#8) and data-at-rest (#9) work.
 * - The libraries: a module of pdfjs-dist, mammoth, dompurify or csv-parse in an initial chunk
 *   fails the check (by the bundler's module ids, not by guessing from text); the lazy chunks
 *   that hold them and pdf.js's worker file are reported with their sizes. mammoth converts
 *   Word files in main, so it is expected in no chunk at all.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Figure } from './report.js';
import { log } from './stats.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** The last commit before the attachments issue's work started at cbd0737. */
export const BEFORE_ISSUE_7 = 'a01faa1';
const TARGET_RATIO = 1.1;

/** The libraries the preview must load lazily: package directory, and whether the renderer uses it at all. */
const LIBRARIES = [
  { name: 'pdf.js', pkg: 'pdfjs-dist', inRenderer: true },
  { name: 'mammoth', pkg: 'mammoth', inRenderer: false },
  { name: 'DOMPurify', pkg: 'dompurify', inRenderer: true },
  { name: 'csv-parse', pkg: 'csv-parse', inRenderer: true },
] as const;

// The parts of the bundler's output read here (vite 8 / rolldown), typed by hand.
interface OutputChunk {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  modules: Record<string, { renderedLength: number }>;
  viteMetadata?: { importedCss: Set<string> };
}
interface OutputAsset {
  type: 'asset';
  fileName: string;
  names?: string[];
  source: string | Uint8Array;
}
type OutputFile = OutputChunk | OutputAsset;

interface Size {
  raw: number;
  gzip: number;
}

interface Built {
  files: Map<string, OutputFile>;
  initial: string[];
  /** Files index.html names that the static import graph does not reach, and the other way round. */
  htmlOnly: string[];
  graphOnly: string[];
  size: (file: string) => Size;
  total: Size;
  /** Rendered bytes (before minifying) of each module in the initial chunks, by id. */
  initialModules: Map<string, number>;
  root: string;
}

async function viteBuild(configFile: string): Promise<OutputFile[]> {
  const nodeEnv = process.env.NODE_ENV;
  try {
    const result = (await build({ configFile, logLevel: 'warn', build: { write: false, emptyOutDir: false } })) as unknown;
    const outputs = (Array.isArray(result) ? result : [result]) as { output?: OutputFile[] }[];
    return outputs.flatMap((o) => o.output ?? []);
  } finally {
    // vite sets it to production for the build.
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

function bytesOf(file: OutputFile): Uint8Array {
  if (file.type === 'chunk') return Buffer.from(file.code);
  return typeof file.source === 'string' ? Buffer.from(file.source) : file.source;
}

/** What index.html loads at first load (<script src>, <link href> of our own files). */
function htmlReferences(html: string): string[] {
  const refs: string[] = [];
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"[^>]*>/g)) {
    const tag = match[0];
    const ref = match[1]!;
    if (/^(data:|https?:|\/\/)/.test(ref)) continue;
    if (tag.startsWith('<link') && !/\brel="(stylesheet|modulepreload|preload)"/.test(tag)) continue;
    refs.push(ref.replace(/^\.?\//, ''));
  }
  return refs;
}

async function analyse(configFile: string, root: string): Promise<Built> {
  const output = await viteBuild(configFile);
  const files = new Map(output.map((f) => [f.fileName, f]));
  const entry = output.filter((f): f is OutputChunk => f.type === 'chunk' && f.isEntry);
  if (entry.length === 0) throw new Error(`bundle: no entry chunk in the build of ${configFile}`);
  const graph = new Set<string>();
  const visit = (name: string) => {
    if (graph.has(name)) return;
    graph.add(name);
    const file = files.get(name);
    if (file?.type !== 'chunk') return;
    for (const css of file.viteMetadata?.importedCss ?? []) graph.add(css);
    for (const next of file.imports) visit(next);
  };
  for (const chunk of entry) visit(chunk.fileName);
  const index = files.get('index.html');
  const html = index === undefined ? [] : htmlReferences(Buffer.from(bytesOf(index)).toString('utf8'));
  const initial = [...new Set([...graph, ...html])].filter((name) => files.has(name)).sort();
  const sizes = new Map<string, Size>();
  const size = (name: string): Size => {
    let known = sizes.get(name);
    if (known === undefined) {
      const bytes = bytesOf(files.get(name)!);
      known = { raw: bytes.length, gzip: gzipSync(bytes).length };
      sizes.set(name, known);
    }
    return known;
  };
  const total = initial.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  const initialModules = new Map<string, number>();
  for (const name of initial) {
    const file = files.get(name);
    if (file?.type === 'chunk') for (const [id, m] of Object.entries(file.modules)) initialModules.set(id, (initialModules.get(id) ?? 0) + m.renderedLength);
  }
  return {
    files,
    initial,
    htmlOnly: html.filter((name) => !graph.has(name)),
    graphOnly: [...graph].filter((name) => !html.includes(name)),
    size,
    total,
    initialModules,
    root,
  };
}

/** This commit's tree in `dir` with our node_modules linked in; its vite.config.ts. */
function checkout(commit: string, dir: string): string {
  execFileSync('sh', ['-c', 'git archive --format=tar "$1" | tar -x -C "$2"', 'sh', commit, dir], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return join(dir, 'vite.config.ts');
}

const kib = (bytes: number) => bytes / 1024;
const k = (bytes: number) => `${kib(bytes).toFixed(1)} KiB`;
const short = (file: string) => file.replace(/^assets\//, '');

function listing(built: Built): string {
  return built.initial.map((name) => `${short(name)} ${k(built.size(name).raw)}/${k(built.size(name).gzip)}`).join(', ');
}

/** A module id as a place: node_modules/<package>, or the renderer's folder two levels deep. */
function place(id: string, root: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const pkg = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(clean);
  if (pkg) return pkg[1]!.replaceAll('\\', '/');
  if (!isAbsolute(clean)) return clean;
  const path = relative(root, clean).split(sep);
  if (path[0] === '..') return relative(join(root, '..'), clean).split(sep).slice(0, 2).join('/');
  return path.slice(0, Math.min(2, path.length - 1)).join('/') || path[0]!;
}

/** Rendered bytes of the initial bundle's modules by place, ours less the ideal's: the biggest changes. */
function growth(ours: Built, ideal: Built): string {
  const byPlace = (built: Built) => {
    const places = new Map<string, number>();
    for (const [id, length] of built.initialModules) {
      const where = place(id, built.root);
      places.set(where, (places.get(where) ?? 0) + length);
    }
    return places;
  };
  const a = byPlace(ours);
  const b = byPlace(ideal);
  const changes = [...new Set([...a.keys(), ...b.keys()])]
    .map((where) => [where, (a.get(where) ?? 0) - (b.get(where) ?? 0)] as const)
    .filter(([, delta]) => Math.abs(delta) >= 512)
    .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
  const shown = changes.slice(0, 8).map(([where, delta]) => `${where} ${delta > 0 ? '+' : ''}${k(delta)}`);
  return shown.length === 0 ? 'no module changed by 0.5 KiB or more' : `${shown.join(', ')}${changes.length > 8 ? `, ${changes.length - 8} more` : ''}`;
}

function librariesFigure(ours: Built): Figure {
  const problems: string[] = [];
  const found: string[] = [];
  let initialBytes = 0;
  for (const lib of LIBRARIES) {
    const marker = `${sep}node_modules${sep}${lib.pkg}${sep}`;
    const holds = (id: string) => id.includes(marker) || id.includes(`/node_modules/${lib.pkg}/`);
    const inInitial = [...ours.initialModules].filter(([id]) => holds(id));
    initialBytes += inInitial.reduce((sum, [, length]) => sum + length, 0);
    if (inInitial.length > 0) problems.push(`${lib.name} in the initial bundle (${inInitial.length} modules, ${k(inInitial.reduce((s, [, l]) => s + l, 0))} rendered)`);
    const chunks = [...ours.files.values()].filter((f): f is OutputChunk => f.type === 'chunk' && Object.keys(f.modules).some(holds));
    const lazy = chunks.filter((c) => !ours.initial.includes(c.fileName)).map((c) => `${short(c.fileName)} ${k(ours.size(c.fileName).raw)}/${k(ours.size(c.fileName).gzip)}`);
    if (lib.pkg === 'pdfjs-dist') {
      for (const f of ours.files.values()) if (f.type === 'asset' && /pdf\.worker/.test(f.fileName)) lazy.push(`worker ${short(f.fileName)} ${k(ours.size(f.fileName).raw)}/${k(ours.size(f.fileName).gzip)}`);
    }
    if (chunks.length === 0) {
      if (lib.inRenderer) problems.push(`${lib.name} is in no chunk at all (is the check still looking at the right module ids?)`);
      found.push(`${lib.name}: in no chunk${lib.inRenderer ? '' : ' (Word files are converted in main)'}`);
    } else {
      found.push(`${lib.name}: ${lazy.length > 0 ? `lazy in ${lazy.join(', ')}` : 'no lazy chunk'}`);
    }
  }
  const pass = problems.length === 0;
  return {
    section: 'ui',
    name: 'pdf.js, mammoth, DOMPurify and csv-parse code in the initial bundle (rendered, before minifying)',
    unit: 'KiB',
    ours: kib(initialBytes),
    ideal: 0,
    ratio: Number.NaN,
    target: '0 KiB (all lazy)',
    pass,
    note: `${pass ? '' : `FAILED: ${problems.join('; ')}; `}by the bundler's module ids; sizes raw/gzip: ${found.join('; ')}`,
  };
}

export async function benchBundle(): Promise<Figure[]> {
  log('bundle: vite build of this tree (in memory)');
  const ours = await analyse(join(REPO, 'vite.config.ts'), join(REPO, 'renderer'));
  log(`bundle: initial ${k(ours.total.raw)} raw, ${k(ours.total.gzip)} gzip: ${listing(ours)}`);
  const figures: Figure[] = [];
  const mismatch = (built: Built) =>
    built.htmlOnly.length + built.graphOnly.length === 0
      ? ''
      : `; index.html and the import graph differ (html only: ${built.htmlOnly.join(' ') || '-'}, graph only: ${built.graphOnly.join(' ') || '-'})`;

  const dir = mkdtempSync(join(tmpdir(), 'cv-bench-bundle-'));
  let ideal: Built | null = null;
  let failure = '';
  try {
    log(`bundle: vite build of ${BEFORE_ISSUE_7} (before #7), from git archive into ${dir}`);
    const config = checkout(BEFORE_ISSUE_7, dir);
    ideal = await analyse(config, join(dir, 'renderer'));
    log(`bundle: ${BEFORE_ISSUE_7} initial ${k(ideal.total.raw)} raw, ${k(ideal.total.gzip)} gzip: ${listing(ideal)}`);
  } catch (error) {
    failure = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    log(`bundle: WARNING the build of ${BEFORE_ISSUE_7} failed: ${failure}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  if (ideal !== null) {
    const ratio = ours.total.gzip / ideal.total.gzip;
    figures.push(
      {
        section: 'ui',
        name: `initial bundle (JS+CSS index.html loads), gzip, vs the renderer at ${BEFORE_ISSUE_7} (before #7)`,
        unit: 'KiB',
        ours: kib(ours.total.gzip),
        ideal: kib(ideal.total.gzip),
        ratio,
        target: `ours/ideal <= ${TARGET_RATIO.toFixed(2)}`,
        pass: ratio <= TARGET_RATIO,
        note:
          `ideal = the same vite build of commit ${BEFORE_ISSUE_7} (git archive, this node_modules) in this run; raw/gzip ours: ${listing(ours)}; ${BEFORE_ISSUE_7}: ${listing(ideal)}; ` +
          `biggest changes by module (rendered, before minifying; later work on #8/#9 counts too): ${growth(ours, ideal)}${mismatch(ours)}${mismatch(ideal)}`,
      },
      {
        section: 'ui',
        name: `initial bundle, raw, vs ${BEFORE_ISSUE_7}`,
        unit: 'KiB',
        ours: kib(ours.total.raw),
        ideal: kib(ideal.total.raw),
        ratio: ours.total.raw / ideal.total.raw,
        target: '-',
        pass: null,
      },
    );
  } else {
    figures.push({
      section: 'ui',
      name: `initial bundle (JS+CSS index.html loads), gzip (no ideal: ${BEFORE_ISSUE_7} did not build)`,
      unit: 'KiB',
      ours: kib(ours.total.gzip),
      ideal: Number.NaN,
      ratio: Number.NaN,
      target: `ours/ideal <= ${TARGET_RATIO.toFixed(2)}`,
      pass: null,
      note: `the build of ${BEFORE_ISSUE_7} failed (${failure}), so only the absolute size is shown; raw/gzip: ${listing(ours)}${mismatch(ours)}`,
    });
  }
  figures.push(librariesFigure(ours));
  return figures;
}
