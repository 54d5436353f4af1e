/**
 * The UI budgets of the desktop-app issue, measured through Playwright in Chromium on the
 * web face (`main/web/cli.ts`, the same renderer and API as the desktop app) serving the
 * bench's database. Every figure is timed inside the page with performance.now() (or the
 * event's own timeStamp, same clock); Node only drives the page and times the ideals.
 *
 * - First rows: fresh browser context per load (empty cache and sessionStorage), from
 *   navigation start (performance.now() = 0 in the new document) to the DOM commit that
 *   first holds a data row in the grid (a [role=row][aria-rowindex] that is not a loading
 *   skeleton), seen by a MutationObserver installed before any page script runs.
 *   Ideal, per load: DOMContentLoaded of the same index.html from the same server with
 *   JavaScript off (a static page: HTML + CSS, no app), plus one bare POST
 *   /api/listApplications {limit:100, offset:0} (the renderer's first page) timed from Node
 *   with fetch.
 * - Search keystroke: the search box focused, prefixes of common first/last names typed one
 *   key at a time (lengths 3-6, Escape between prefixes). From the keydown event's
 *   timeStamp to the first DOM commit where the grid is not busy, its aria-rowcount is the
 *   API's total for the new text and row 1 shows the API's first row (name and email); the
 *   expected answers are fetched from Node beforehand. Includes any wait for a search
 *   still in flight; the second figure is from the listApplications request's Resource
 *   Timing startTime (the fetch leaving the page) to the same commit.
 *   Ideal: POST listApplications {q, limit:100, offset:0} and facets {q} sent together from
 *   Node (as the page sends them; the server answers one at a time), timed to the list's
 *   answer, which is all the grid needs (until both answered is in the note).
 * - Facet click: Status/Origin checkboxes checked and unchecked in a fixed cycle; from the
 *   click event's timeStamp to the commit showing the new total and first row as above.
 *   Ideal: the same two calls for the same filters.
 * - Scroll: the grid (its own scroll container) scrolled from top to bottom in 200 equal
 *   steps (scrollTop += max(clientHeight, scrollRange / 200)) with one animation frame
 *   between steps; every DOM change in the grid counts its [role=row] elements (header
 *   row included) and the maximum is kept. Ideal: the rows a viewport holds (partly
 *   visible top and bottom rows and the header included). The time from the first step to
 *   the last row showing data is reported too, beside the same number of bare animation
 *   frames plus one round trip for the last page.
 *
 * Nothing here is random; the server and the browser are stopped in `finally`.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { ApplicationFilters, Facets, ListQuery, ListResult } from '../../shared/api/applications.js';
import type { Envelope } from '../../shared/api/contract.js';
import { openDatabase } from '../db/open.js';
import { latencyFigure, type Figure } from './report.js';
import { log, percentile, type Latency } from './stats.js';
import { chromiumLaunchOptions, startWebFace, type RunningWebFace } from '../testing/browser.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER_BUILD = join(REPO, 'dist/renderer');
/** The renderer's page size (renderer/features/applications/list-slice.ts). */
const PAGE_SIZE = 100;
const VIEWPORT = { width: 1440, height: 900 };
const TIMEOUT_MS = 30_000;

export interface UiOptions {
  /** Fresh page loads timed (one more is run first, untimed). */
  loads?: number;
  keystrokes?: number;
  clicks?: number;
  scrollSteps?: number;
}

export interface UiResult {
  figures: Figure[];
  browser: string;
}

// ---------------------------------------------------------------------------------------
// In the page

/**
 * Installed before any page script (addInitScript; CDP evaluation is not subject to the
 * page's CSP). One MutationObserver over the whole document and one PerformanceObserver
 * for resource entries wake the waiters; every time is performance.now() in the page.
 */
const IN_PAGE = String.raw`(() => {
  if (window.__cvBench !== undefined) return;
  const GRID = '[role="grid"][aria-label="Applications"]';
  const DATA_ROW = '[role="row"][aria-rowindex]:not(.is-loading)';
  const api = [];
  const waiters = new Set();
  const poke = () => {
    const now = performance.now();
    for (const waiter of [...waiters]) waiter(now);
  };
  try { performance.setResourceTimingBufferSize(100000); } catch {}
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const match = /^\/api\/([A-Za-z]+)$/.exec(new URL(entry.name).pathname);
      if (match) api.push({ method: match[1], start: entry.startTime, end: entry.responseEnd });
    }
    poke();
  }).observe({ type: 'resource', buffered: true });

  let firstRow = null;
  new MutationObserver(() => {
    if (firstRow === null && document.querySelector(GRID + ' ' + DATA_ROW) !== null) firstRow = performance.now();
    poke();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const grid = () => document.querySelector(GRID);
  const describe = () => {
    const g = grid();
    const row = g && g.querySelector('[role="row"][aria-rowindex="1"]');
    return {
      busy: g && g.getAttribute('aria-busy'),
      rowcount: g && g.getAttribute('aria-rowcount'),
      row1: row && row.textContent.slice(0, 80),
      api: api.slice(-4),
    };
  };
  /** Resolves with check(now)'s first value other than undefined, checked on every DOM change and resource entry. */
  const until = (check, timeoutMs) => new Promise((resolve) => {
    const waiter = (now) => {
      const value = check(now);
      if (value === undefined) return;
      waiters.delete(waiter);
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => {
      waiters.delete(waiter);
      resolve({ error: 'timed out', state: describe() });
    }, timeoutMs);
    waiters.add(waiter);
    waiter(performance.now());
  });

  let pending = null;
  window.__cvBench = {
    firstRow(timeoutMs) {
      return until(() => {
        if (firstRow === null) return undefined;
        const list = api.find((entry) => entry.method === 'listApplications');
        if (list === undefined) return undefined;
        const nav = performance.getEntriesByType('navigation')[0];
        return {
          firstRow,
          htmlEnd: nav.responseEnd,
          domContentLoaded: nav.domContentLoadedEventEnd,
          listStart: list.start,
          listEnd: list.end,
          rowcount: grid().getAttribute('aria-rowcount'),
        };
      }, timeoutMs);
    },

    /** Starts timing at the next trigger event ('keydown' or 'click'); wait() resolves once the grid shows expected. */
    arm(trigger, expected, timeoutMs) {
      let t0 = null;
      const onTrigger = (event) => { if (t0 === null) t0 = event.timeStamp; };
      document.addEventListener(trigger, onTrigger, true);
      const shows = () => {
        const g = grid();
        if (g === null || g.getAttribute('aria-busy') !== 'false') return false;
        if (g.getAttribute('aria-rowcount') !== String(expected.total)) return false;
        const row = g.querySelector('[role="row"][aria-rowindex="1"]:not(.is-loading)');
        if (expected.texts === null) return row === null;
        return row !== null && expected.texts.every((text) => row.textContent.includes(text));
      };
      // When the grid started to show the expected answer (null: it does not show it now).
      let since = shows() ? performance.now() : null;
      pending = until((now) => {
        const holds = shows();
        if (!holds) since = null;
        else if (since === null) since = now;
        if (t0 === null || !holds) return undefined;
        const list = api.find((entry) => entry.method === 'listApplications' && entry.start >= t0);
        const facets = api.find((entry) => entry.method === 'facets' && entry.start >= t0);
        if (list === undefined || facets === undefined) return undefined;
        document.removeEventListener(trigger, onTrigger, true);
        // The answer cannot be on screen before it arrived: an unchanged grid counts from its arrival.
        return { t0, done: Math.max(since, list.end), listStart: list.start, listEnd: list.end, facetsEnd: facets.end, unchanged: since < list.end };
      }, timeoutMs).then(async (result) => {
        document.removeEventListener(trigger, onTrigger, true);
        // Let the facet counts render before the next step.
        await frame();
        await frame();
        return result;
      });
    },
    wait() {
      return pending;
    },

    async scroll(steps, timeoutMs) {
      const g = grid();
      const rows = () => g.querySelectorAll('[role="row"]').length;
      const header = g.querySelector('[role="row"]:not([aria-rowindex])');
      const dataRow = g.querySelector(DATA_ROW);
      const headerHeight = header ? header.getBoundingClientRect().height : 0;
      const rowHeight = dataRow ? dataRow.getBoundingClientRect().height : 0;
      const total = Number(g.getAttribute('aria-rowcount'));
      let max = rows();
      let skeletonSteps = 0;
      const count = () => { max = Math.max(max, rows()); };
      waiters.add(count);
      try {
        const step = Math.max(g.clientHeight, Math.ceil((g.scrollHeight - g.clientHeight) / steps));
        const start = performance.now();
        let taken = 0;
        while (g.scrollTop + g.clientHeight < g.scrollHeight - 1 && taken < steps * 2) {
          g.scrollTop += step;
          taken += 1;
          await frame();
          count();
          if (g.querySelector('[role="row"].is-loading') !== null) skeletonSteps += 1;
        }
        const atBottom = performance.now();
        const last = await until(
          (now) => (g.querySelector('[role="row"][aria-rowindex="' + total + '"]:not(.is-loading)') !== null ? now : undefined),
          timeoutMs,
        );
        if (typeof last !== 'number') return last;
        // The same number of animation frames with nothing to do: the pace of the loop itself.
        const idleStart = performance.now();
        for (let i = 0; i < taken; i++) await frame();
        return {
          max,
          steps: taken,
          skeletonSteps,
          total,
          reachedMs: atBottom - start,
          lastRowMs: last - start,
          idleFramesMs: performance.now() - idleStart,
          clientHeight: g.clientHeight,
          headerHeight,
          rowHeight,
          viewportRows: 1 + Math.ceil((g.clientHeight - headerHeight) / rowHeight) + 1,
        };
      } finally {
        waiters.delete(count);
      }
    },
  };
})();`;

interface Expected {
  total: number;
  /** Texts row 1 must contain (name, email); null: no rows. */
  texts: string[] | null;
}

interface Step {
  t0: number;
  done: number;
  listStart: number;
  listEnd: number;
  facetsEnd: number;
  unchanged: boolean;
}

interface FirstRowTimes {
  firstRow: number;
  htmlEnd: number;
  domContentLoaded: number;
  listStart: number;
  listEnd: number;
  rowcount: string | null;
}

interface ScrollResult {
  max: number;
  steps: number;
  skeletonSteps: number;
  total: number;
  reachedMs: number;
  lastRowMs: number;
  idleFramesMs: number;
  clientHeight: number;
  headerHeight: number;
  rowHeight: number;
  viewportRows: number;
}

type Failed = { error: string; state?: unknown };

function check<T extends object>(value: T | Failed, what: string): T {
  if ('error' in value) throw new Error(`ui: ${what}: ${value.error} ${JSON.stringify(value.state ?? {})}`);
  return value;
}

// ---------------------------------------------------------------------------------------
// In Node

/** The renderer build the web face serves; built here when missing. */
export function ensureRendererBuilt(): void {
  const index = join(RENDERER_BUILD, 'index.html');
  if (!existsSync(index)) {
    log('ui: no renderer build: npx vite build --logLevel warn');
    const run = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0 || !existsSync(index)) throw new Error('ui: npx vite build failed');
    return;
  }
  const built = statSync(index).mtimeMs;
  const newer = (dir: string): string | undefined => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() ? newer(path) !== undefined : /\.(tsx?|css|html)$/.test(entry.name) && statSync(path).mtimeMs > built) return path;
    }
    return undefined;
  };
  const stale = newer(join(REPO, 'renderer')) ?? newer(join(REPO, 'shared'));
  if (stale !== undefined) log(`ui: WARNING dist/renderer is older than ${stale}: measuring the build as it is (npx vite build to refresh)`);
}


/** SIGTERM, then SIGKILL after 10 s. */
export async function stopWebFace(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The web face's API from Node, as the page calls it (POST, JSON, bearer token). */
class Api {
  constructor(
    private readonly face: RunningWebFace,
  ) {}

  async call<T>(method: 'listApplications' | 'facets', request: unknown): Promise<{ value: T; ms: number }> {
    const start = performance.now();
    const response = await fetch(`${this.face.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${this.face.token}` },
      body: JSON.stringify(request),
    });
    const envelope = (await response.json()) as Envelope<T>;
    const ms = performance.now() - start;
    if (!envelope.ok) throw new Error(`ui: ${method} ${JSON.stringify(request)}: ${envelope.error.message}`);
    return { value: envelope.value, ms };
  }

  /** The first page as the renderer asks for it: what the grid must show. */
  async expected(filters: ApplicationFilters): Promise<Expected> {
    const query: ListQuery = { ...filters, limit: PAGE_SIZE, offset: 0 };
    const { value } = await this.call<ListResult>('listApplications', query);
    const first = value.items[0];
    if (first === undefined) return { total: value.total, texts: null };
    const name = first.candidateName === null || first.candidateName.trim() === '' ? 'Unnamed candidate' : first.candidateName;
    // A row with a search hint ("Matched in …", an excerpt) shows it where the email would be.
    return { total: value.total, texts: first.email === null || first.match !== undefined ? [name] : [name, first.email] };
  }

  /** listApplications and facets sent together, as the page does on every change: ms until both answered, and until the list did. */
  async roundTrips(filters: ApplicationFilters): Promise<Trips> {
    const start = performance.now();
    const [list] = await Promise.all([
      this.call<ListResult>('listApplications', { ...filters, limit: PAGE_SIZE, offset: 0 }),
      this.call<Facets>('facets', filters),
    ]);
    return { both: performance.now() - start, list: list.ms };
  }
}

async function evaluate<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

/** Opens the app in a fresh context and waits for its first rows. */
async function openApp(browser: Browser, face: RunningWebFace): Promise<{ page: Page; times: FirstRowTimes; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: IN_PAGE });
    const page = await context.newPage();
    await page.goto(face.url);
    const times = check(await evaluate<FirstRowTimes | Failed>(page, `window.__cvBench.firstRow(${TIMEOUT_MS})`), 'first rows');
    return { page, times, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** DOMContentLoaded of the same index.html with JavaScript off: the page without the app. */
async function staticLoad(browser: Browser, face: RunningWebFace): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(face.url, { waitUntil: 'domcontentloaded' });
    return await evaluate<number>(page, `performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd`);
  } finally {
    await context.close();
  }
}

/** ms from sending listApplications and facets together until the list answered, and until both had. */
interface Trips {
  list: number;
  both: number;
}

function summary(values: readonly number[]): Latency {
  return { p50: percentile(values, 50), p95: percentile(values, 95), runs: values.length };
}

const ms = (value: number) => `${Math.round(value)} ms`;

const p50p95 = (values: readonly number[]) => `${ms(percentile(values, 50))}/${ms(percentile(values, 95))}`;

/** Where the time of a step went, p50/p95 of each leg. */
function split(steps: readonly Step[], trigger: string): string {
  return (
    `p50/p95 of ${trigger} -> list request sent ${p50p95(steps.map((s) => s.listStart - s.t0))}, ` +
    `request -> answer received ${p50p95(steps.map((s) => s.listEnd - s.listStart))}, ` +
    `answer -> grid updated ${p50p95(steps.map((s) => s.done - s.listEnd))}`
  );
}

function idealText(list: string, facets: string, trips: readonly Trips[]): string {
  return (
    `ideal = bare POST listApplications ${list} and facets ${facets} sent together from Node as the page sends them, timed to the list's answer ` +
    `(both answered: p50/p95 ${p50p95(trips.map((t) => t.both))})`
  );
}

function unchangedText(steps: readonly Step[]): string {
  const unchanged = steps.filter((s) => s.unchanged).length;
  return unchanged === 0 ? '' : `; ${unchanged} left total and first row as they were (timed to the list's answer)`;
}


/** Common first and last names in the data, cut to 3-6 letters, enough for `keystrokes` keys. */
function searchPrefixes(dbFile: string, keystrokes: number): string[] {
  const db = openDatabase(dbFile);
  try {
    const top = (column: string) =>
      (
        db
          .prepare(
            `SELECT lower(${column}) AS w, count(*) AS n FROM applications
             WHERE deleted = 0 AND length(${column}) >= 6 GROUP BY w ORDER BY n DESC, w LIMIT 40`,
          )
          .all() as { w: string }[]
      )
        .map((r) => r.w)
        .filter((w) => /^[a-z]+$/.test(w));
    const last = top('last_name');
    const first = top('first_name');
    const lengths = [4, 3, 5, 6];
    const prefixes: string[] = [];
    let keys = 0;
    for (let i = 0; keys < keystrokes && (i < last.length || i < first.length); i++) {
      for (const word of [last[i], first[i]]) {
        if (word === undefined || keys >= keystrokes) continue;
        const prefix = word.slice(0, lengths[prefixes.length % lengths.length]);
        if (prefixes.includes(prefix)) continue;
        prefixes.push(prefix);
        keys += prefix.length;
      }
    }
    if (prefixes.length === 0) throw new Error('ui: no names of 6+ letters in the data to search for');
    return prefixes;
  } finally {
    db.close();
  }
}

/** Status and origin values by count, most common first. */
async function facetValues(api: Api): Promise<{ status: string[]; origin: string[] }> {
  const { value } = await api.call<Facets>('facets', {});
  const pick = (field: 'status' | 'origin') =>
    value[field].filter((v) => v.value !== null && v.count > 0).map((v) => v.value as string);
  return { status: pick('status'), origin: pick('origin') };
}

interface FacetOp {
  field: 'status' | 'origin';
  value: string;
}

/**
 * Click cycles that always end unfiltered: check a status, add an origin, drop the status,
 * check another status, drop the origin, drop that status. Cycles alternate between two
 * sets of values so every status and origin gets clicked.
 */
function facetOps(values: { status: string[]; origin: string[] }, clicks: number): FacetOp[] {
  const s = (i: number) => values.status[i % values.status.length]!;
  const o = (i: number) => values.origin[i % values.origin.length]!;
  const ops: FacetOp[] = [];
  for (let cycle = 0; ops.length < clicks; cycle++) {
    const [s1, o1, s2] = cycle % 2 === 0 ? [s(1), o(1), s(2)] : [s(0), o(2), s(1)];
    ops.push(
      { field: 'status', value: s1 },
      { field: 'origin', value: o1 },
      { field: 'status', value: s1 },
      { field: 'status', value: s2 },
      { field: 'origin', value: o1 },
      { field: 'status', value: s2 },
    );
  }
  return ops;
}

function toggle(filters: { status: string[]; origin: string[] }, op: FacetOp): { status: string[]; origin: string[] } {
  const current = filters[op.field];
  const next = current.includes(op.value) ? current.filter((v) => v !== op.value) : [...current, op.value];
  return { ...filters, [op.field]: next };
}

function apiFilters(filters: { status: string[]; origin: string[] }): ApplicationFilters {
  const api: ApplicationFilters = {};
  if (filters.status.length > 0) api.status = filters.status;
  if (filters.origin.length > 0) api.origin = filters.origin;
  return api;
}

async function step(page: Page, trigger: 'keydown' | 'click', expected: Expected, act: () => Promise<void>, what: string): Promise<Step> {
  await evaluate(page, `window.__cvBench.arm(${JSON.stringify(trigger)}, ${JSON.stringify(expected)}, ${TIMEOUT_MS})`);
  await act();
  return check(await evaluate<Step | Failed>(page, 'window.__cvBench.wait()'), what);
}

export async function benchUi(dbFile: string, options: UiOptions = {}): Promise<UiResult> {
  const loads = options.loads ?? 7;
  const keystrokes = options.keystrokes ?? 30;
  const clicks = options.clicks ?? 30;
  const scrollSteps = options.scrollSteps ?? 200;
  ensureRendererBuilt();

  const figures: Figure[] = [];
  log('ui: starting the web face');
  const face = await startWebFace(dbFile);
  let browser: Browser | undefined;
  try {
    const api = new Api(face);
    browser = await chromium.launch(chromiumLaunchOptions());
    const unfiltered = await api.expected({});
    log(`ui: ${face.origin}, ${unfiltered.total} applications, Chromium ${browser.version()}`);

    // 1. First rows: one untimed load and static load, then `loads` timed ones of each.
    const firstRows: number[] = [];
    const idealLoads: number[] = [];
    const breakdown: FirstRowTimes[] = [];
    for (let run = 0; run <= loads; run++) {
      const staticMs = await staticLoad(browser, face);
      const { ms: apiMs } = await api.call<ListResult>('listApplications', { limit: PAGE_SIZE, offset: 0 });
      const app = await openApp(browser, face);
      await app.close();
      if (app.times.rowcount !== String(unfiltered.total)) {
        throw new Error(`ui: the grid says ${app.times.rowcount} rows, the API ${unfiltered.total}`);
      }
      if (run === 0) continue;
      firstRows.push(app.times.firstRow);
      idealLoads.push(staticMs + apiMs);
      breakdown.push(app.times);
      log(`ui: load ${run}: first row at ${ms(app.times.firstRow)} (ideal ${ms(staticMs)} static + ${ms(apiMs)} API)`);
    }
    const p50Of = (pick: (t: FirstRowTimes) => number) => ms(percentile(breakdown.map(pick), 50));
    figures.push(
      latencyFigure(
        'ui',
        `first data row in the grid after navigation start (${loads} fresh loads)`,
        summary(firstRows),
        summary(idealLoads),
        1500,
        `in-page, from navigation start to the DOM commit of the first non-skeleton row; p50 milestones: HTML ${p50Of((t) => t.htmlEnd)}, ` +
          `DOMContentLoaded ${p50Of((t) => t.domContentLoaded)}, list request sent ${p50Of((t) => t.listStart)}, ` +
          `answered ${p50Of((t) => t.listEnd)}, first row ${p50Of((t) => t.firstRow)}; ideal = DOMContentLoaded of index.html with JS off + one bare listApplications round trip; p95 of ${loads} = the slowest`,
      ),
    );

    // One page for the keystrokes, the clicks and the scroll.
    const app = await openApp(browser, face);
    try {
      const { page } = app;

      // 2. Search keystrokes.
      const prefixes = searchPrefixes(dbFile, keystrokes);
      const queries = prefixes.flatMap((prefix) => [...prefix].map((_, i) => prefix.slice(0, i + 1)));
      const expected = new Map<string, Expected>();
      for (const q of new Set(queries)) expected.set(q, await api.expected({ q }));
      log(`ui: search: typing ${prefixes.join(' ')} (${queries.length} keys)`);
      const search = page.getByRole('searchbox', { name: 'Search applications' });
      await search.focus();
      const typed: { q: string; step: Step }[] = [];
      for (const prefix of prefixes) {
        for (let i = 1; i <= prefix.length; i++) {
          const q = prefix.slice(0, i);
          const result = await step(page, 'keydown', expected.get(q)!, () => page.keyboard.press(prefix[i - 1]!), `typing "${q}"`);
          typed.push({ q, step: result });
        }
        await step(page, 'keydown', unfiltered, () => page.keyboard.press('Escape'), 'clearing the search');
      }
      const searchTrips: Trips[] = [];
      for (const { q } of typed) searchTrips.push(await api.roundTrips({ q }));
      const steps = typed.map(({ step: s }) => s);
      const byLength = [1, 2, 3, 4, 5, 6]
        .map((n) => [n, typed.filter(({ q }) => q.length === n).map(({ step: s }) => s.done - s.t0)] as const)
        .filter(([, values]) => values.length > 0)
        .map(([n, values]) => `${n}: ${ms(percentile(values, 50))}`)
        .join(', ');
      const searchIdeal = summary(searchTrips.map((t) => t.list));
      figures.push(
        latencyFigure(
          'ui',
          `search keystroke -> list updated (${typed.length} keys)`,
          summary(steps.map((s) => s.done - s.t0)),
          searchIdeal,
          150,
          `in-page, keydown timeStamp to the commit showing the API's total and first row; prefixes ${prefixes.join(' ')}; ` +
            `${split(steps, 'keydown')}; p50 by letters typed ${byLength}; ${idealText('{q, limit 100}', '{q}', searchTrips)}${unchangedText(steps)}`,
        ),
        latencyFigure(
          'ui',
          `search request sent -> list updated (same keys, server and rendering only)`,
          summary(steps.map((s) => s.done - s.listStart)),
          searchIdeal,
          null,
          `in-page, the listApplications request's Resource Timing startTime to the same commit; same ideal`,
        ),
      );

      // 3. Facet clicks.
      const values = await facetValues(api);
      if (values.status.length < 3 || values.origin.length < 3) throw new Error(`ui: want 3 statuses and 3 origins, got ${JSON.stringify(values)}`);
      const ops = facetOps(values, clicks);
      let filters = { status: [] as string[], origin: [] as string[] };
      const plan = ops.map((op) => {
        filters = toggle(filters, op);
        return { op, filters: apiFilters(filters) };
      });
      const facetExpected: Expected[] = [];
      for (const { filters: f } of plan) facetExpected.push(await api.expected(f));
      log(`ui: facets: ${plan.length} clicks over ${values.status.slice(0, 3).join(' ')} / ${values.origin.slice(0, 3).join(' ')}`);
      const clicked: Step[] = [];
      for (const [i, { op }] of plan.entries()) {
        const box = page
          .getByRole('group', { name: op.field === 'status' ? 'Status' : 'Origin', exact: true })
          .getByRole('checkbox', { name: op.value, exact: true });
        clicked.push(await step(page, 'click', facetExpected[i]!, () => box.click(), `clicking ${op.field} ${op.value}`));
      }
      const facetTrips: Trips[] = [];
      for (const { filters: f } of plan) facetTrips.push(await api.roundTrips(f));
      figures.push(
        latencyFigure(
          'ui',
          `facet click -> list updated (${clicked.length} clicks, Status/Origin)`,
          summary(clicked.map((s) => s.done - s.t0)),
          summary(facetTrips.map((t) => t.list)),
          150,
          `in-page, click timeStamp to the commit showing the API's total and first row; ${split(clicked, 'click')}; ` +
            `${idealText('{filters, limit 100}', '{filters}', facetTrips)}${unchangedText(clicked)}`,
        ),
      );

      // 4. Scroll top to bottom, unfiltered (the click cycles end with no filter).
      const scroll = check(await evaluate<ScrollResult | Failed>(page, `window.__cvBench.scroll(${scrollSteps}, ${TIMEOUT_MS})`), 'scrolling');
      const lastPage = scroll.total - 1 - ((scroll.total - 1) % PAGE_SIZE);
      const { ms: lastPageMs } = await api.call<ListResult>('listApplications', { limit: PAGE_SIZE, offset: lastPage });
      log(`ui: scroll: ${scroll.steps} steps, at most ${scroll.max} rows in the DOM, last row after ${ms(scroll.lastRowMs)}`);
      figures.push(
        {
          section: 'ui',
          name: `most [role=row] in the grid's DOM, scrolling top -> bottom of ${scroll.total} in ${scroll.steps} steps`,
          unit: 'rows',
          ours: scroll.max,
          ideal: scroll.viewportRows,
          ratio: scroll.max / scroll.viewportRows,
          target: '< 200 rows',
          pass: scroll.max < 200,
          note:
            `counted on every DOM change in the grid, header row included; ideal = header + the ${scroll.rowHeight}px rows a ${scroll.clientHeight}px viewport can show ` +
            `(partial rows included); ${scroll.skeletonSteps} of ${scroll.steps} frames still showed loading rows`,
        },
        {
          section: 'ui',
          name: `scroll top -> bottom in ${scroll.steps} steps (1 frame each) until the last row shows data`,
          unit: 'ms',
          ours: scroll.lastRowMs,
          ideal: scroll.idleFramesMs + lastPageMs,
          ratio: scroll.lastRowMs / (scroll.idleFramesMs + lastPageMs),
          target: '-',
          pass: null,
          note: `bottom reached after ${ms(scroll.reachedMs)}, last row filled ${ms(scroll.lastRowMs - scroll.reachedMs)} later; ideal = ${scroll.steps} idle animation frames (${ms(scroll.idleFramesMs)}) + one bare round trip for the last page (${ms(lastPageMs)})`,
        },
      );
    } finally {
      await app.close();
    }
    return { figures, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser?.close();
    await stopWebFace(face.child);
  }
}
