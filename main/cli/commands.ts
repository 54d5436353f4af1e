/** The commands of DESIGN §4, each a thin layer over the services. */
import { existsSync } from 'node:fs';
import { listQuerySchema, MAX_PAGE_SIZE, type ApplicationListItem, type ListQuery } from '../../shared/api/applications.js';
import { openDatabase, type Db } from '../db/open.js';
import { BrowseQueries } from '../db/queries/browse.js';
import { ShowQueries } from '../db/queries/show.js';
import { defaultDatabasePath } from '../paths.js';
import { DEMO_DEFAULT_COUNT, demoSourceItems } from '../sync/sources/demo.js';
import { pullFeed } from '../sync/sources/feed.js';
import { readEventsFromPath, readEventsFromStream, SourceReadError } from '../sync/sources/files.js';
import { startRelay } from '../sync/sources/relay.js';
import { startUpstreamSync } from '../sync/sources/upstream.js';
import { startWebhookReceiver } from '../sync/sources/webhook.js';
import { runImport } from '../sync/run.js';
import type { IngestResult, SourceItem } from '../sync/types.js';
import { CommandError, optionError, UsageError } from './errors.js';
import { FILTER_OPTIONS, FILTER_USAGE, filtersFrom } from './filters.js';
import { printIngestResult, printList, writeJson } from './output.js';

type Values = Record<string, string | boolean | undefined>;
type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface Command {
  usage: string;
  summary: string;
  options: OptionSpec;
  run(values: Values, positionals: string[]): Promise<number>;
}

const COMMON = { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

function str(values: Values, key: string): string | undefined {
  const value = values[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * For commands that only read (`list`, `show`): a path with no database is a mistake to
 * report (a typo in `--db`, or nothing synced yet), not a file and folders to create.
 */
function withExistingDb<T>(values: Values, use: (db: Db) => T): T {
  const file = str(values, 'db') ?? defaultDatabasePath();
  if (file !== ':memory:' && !existsSync(file)) {
    throw new CommandError(`no database at ${file}: import events first with "sync" (e.g. "sync --demo"), or pass --db PATH`);
  }
  const db = openDatabase(file);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

async function withDbAsync<T>(values: Values, use: (db: Db) => Promise<T>): Promise<T> {
  const db = openDatabase(str(values, 'db') ?? defaultDatabasePath());
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

function integer(values: Values, key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = str(values, key);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`--${key} takes a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

function requireEnv(name: string, why: string): string {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') throw new CommandError(`${name} is not set: ${why}`);
  return value;
}

/** Resolves on SIGINT/SIGTERM, so servers can close cleanly. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function progress(json: boolean): ((soFar: IngestResult) => void) | undefined {
  if (json || !process.stderr.isTTY) return undefined;
  return (soFar) => process.stderr.write(`\r${soFar.received} events read, ${soFar.applied} applied…`);
}

async function* fromPaths(paths: string[]): AsyncGenerator<SourceItem> {
  for (const path of paths) {
    if (path === '-') {
      yield* readEventsFromStream(process.stdin, 'stdin');
      continue;
    }
    try {
      yield* readEventsFromPath(path);
    } catch (error) {
      // With several inputs, one unreadable input is reported and the others still import.
      if (paths.length === 1 || !(error instanceof SourceReadError)) throw error;
      yield { source: path, error: error.message };
    }
  }
}

const sync: Command = {
  summary: 'import events from files, a folder, stdin, the demo generator or a feed',
  usage: '<FILE|DIR|->... | --demo [--count N] [--seed S] | --feed URL [--token T] [--limit N]  [--db PATH] [--json]',
  options: {
    ...COMMON,
    demo: { type: 'boolean' },
    count: { type: 'string' },
    seed: { type: 'string' },
    feed: { type: 'string' },
    token: { type: 'string' },
    limit: { type: 'string' },
  },
  async run(values, positionals) {
    const feed = str(values, 'feed');
    const demo = values.demo === true;
    const modes = [positionals.length > 0, demo, feed !== undefined].filter(Boolean).length;
    if (modes !== 1) throw new UsageError('sync takes files/folders/-, or --demo, or --feed URL (exactly one of them)');
    if (!demo && (values.count !== undefined || values.seed !== undefined)) throw new UsageError('--count and --seed go with --demo');
    if (feed === undefined && (values.token !== undefined || values.limit !== undefined)) throw new UsageError('--token and --limit go with --feed');
    const json = values.json === true;
    const result = await withDbAsync(values, async (db) => {
      if (demo) {
        const count = integer(values, 'count', 0, 10_000_000) ?? DEMO_DEFAULT_COUNT;
        const seed = str(values, 'seed') ?? 'demo';
        return runImport(db, demoSourceItems({ count, seed }), { source: `demo (${count}, seed ${seed})`, onProgress: progress(json) });
      }
      if (feed !== undefined) {
        if (!/^https?:\/\//i.test(feed)) throw new UsageError(`--feed takes an http(s) URL, got ${JSON.stringify(feed)}`);
        return pullFeed({
          db,
          url: feed,
          token: str(values, 'token') ?? process.env.CANDIDATE_VIEWER_FEED_TOKEN,
          limit: integer(values, 'limit', 1, 5000),
          onProgress: progress(json),
        });
      }
      return runImport(db, fromPaths(positionals), { source: `files ${positionals.join(' ')}`, onProgress: progress(json) });
    });
    if (!json && process.stderr.isTTY) process.stderr.write('\n');
    if (json) writeJson(result);
    else printIngestResult(result);
    return 0;
  },
};

function listQueryFrom(values: Values): ListQuery {
  const parsed = listQuerySchema.safeParse({
    ...filtersFrom(values as never),
    sort: str(values, 'sort'),
    order: str(values, 'order'),
    limit: integer(values, 'limit', 1, MAX_PAGE_SIZE),
    offset: integer(values, 'offset', 0),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw optionError(String(issue.path[0]), issue);
  }
  return parsed.data;
}

const list: Command = {
  summary: "list applications (filters, sort, paging, full-text search; an empty filter value, e.g. --owner '', finds those where it is not set)",
  usage: `${FILTER_USAGE} [--sort FIELD] [--order asc|desc] [--limit N] [--offset N] [--db PATH] [--json]`,
  options: { ...COMMON, ...FILTER_OPTIONS, sort: { type: 'string' }, order: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError(`list takes no arguments, got ${JSON.stringify(positionals[0])}`);
    const query = listQueryFrom(values);
    const result = withExistingDb(values, (db) => new BrowseQueries(db).list(query));
    if (values.json === true) writeJson(result);
    else printList(result.items as ApplicationListItem[], result.total, query.offset ?? 0);
    return 0;
  },
};

const show: Command = {
  summary: 'show one application exactly as received, model by model',
  usage: '<applicationId> [--with-content] [--db PATH] [--json]',
  options: { ...COMMON, 'with-content': { type: 'boolean' } },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError('show takes one application id');
    const id = positionals[0]!;
    const shown = withExistingDb(values, (db) => new ShowQueries(db).show(id, { withContent: values['with-content'] === true }));
    if (shown === undefined) throw new CommandError(`no application with id ${JSON.stringify(id)}`);
    writeJson(shown, values.json !== true);
    return 0;
  },
};

function hostAndPort(values: Values): { host: string; port: number } {
  return { host: str(values, 'host') ?? '127.0.0.1', port: integer(values, 'port', 0, 65535) ?? 0 };
}

const listen: Command = {
  summary: 'receive signed upstream webhooks and apply them (KNIT_API_KEY verifies signatures)',
  usage: '[--host 127.0.0.1] [--port N] [--db PATH]',
  options: { ...COMMON, host: { type: 'string' }, port: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError('listen takes no arguments');
    const { host, port } = hostAndPort(values);
    const apiKey = requireEnv('KNIT_API_KEY', 'the webhook receiver needs the API key to verify X-Knit-Signature');
    return withDbAsync(values, async (db) => {
      const receiver = await startWebhookReceiver({ db, apiKey, host, port });
      process.stdout.write(`Listening on ${receiver.url}\n`);
      await untilStopped();
      await receiver.close();
      return 0;
    });
  },
};

const relay: Command = {
  summary: 'receive webhooks on a server, keep an event log and serve it as a feed to laptops',
  usage: '[--host 127.0.0.1] [--port N] [--token T] [--db PATH]',
  options: { ...COMMON, host: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError('relay takes no arguments');
    const { host, port } = hostAndPort(values);
    const apiKey = requireEnv('KNIT_API_KEY', 'the relay needs the API key to verify X-Knit-Signature');
    const feedToken = str(values, 'token') ?? process.env.CANDIDATE_VIEWER_FEED_TOKEN;
    if (feedToken === undefined || feedToken.trim() === '') {
      throw new CommandError('the relay needs a feed token: pass --token or set CANDIDATE_VIEWER_FEED_TOKEN');
    }
    return withDbAsync(values, async (db) => {
      const server = await startRelay({ db, apiKey, feedToken, host, port });
      process.stdout.write(`Listening on ${server.url}/webhook\nFeed on ${server.url}/feed\n`);
      await untilStopped();
      await server.close();
      return 0;
    });
  },
};

const startSync: Command = {
  summary: 'ask the upstream to start a sync (KNIT_API_KEY, KNIT_INTEGRATION_ID, KNIT_BASE_URL)',
  usage: '[--models a,b] [--initial] [--json]',
  options: { ...COMMON, models: { type: 'string' }, initial: { type: 'boolean' } },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError('start-sync takes no arguments');
    const models = str(values, 'models')?.split(',').map((m) => m.trim()).filter((m) => m !== '');
    const answer = await startUpstreamSync({
      apiKey: requireEnv('KNIT_API_KEY', 'start-sync needs the upstream API key'),
      integrationId: requireEnv('KNIT_INTEGRATION_ID', 'start-sync needs the integration id of the connected ATS'),
      baseUrl: process.env.KNIT_BASE_URL || undefined,
      models,
      initial: values.initial === true,
    });
    if (values.json === true) writeJson(answer);
    else process.stdout.write(`Sync started${values.initial === true ? ' (initial: every record will be sent again)' : ''}.\n${JSON.stringify(answer, null, 2)}\n`);
    return 0;
  },
};

export const COMMANDS: Readonly<Record<string, Command>> = {
  sync,
  list,
  show,
  listen,
  relay,
  'start-sync': startSync,
};

export function usage(short = false): string {
  if (short) return `usage: candidate-viewer <${Object.keys(COMMANDS).join('|')}> [options]   (--help for more)\n`;
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name} ${command.usage}\n      ${command.summary}`);
  return `usage: candidate-viewer <command> [options]\n\n${lines.join('\n')}\n\n--db PATH defaults to $CANDIDATE_VIEWER_DB, else the desktop app's database.\n`;
}
