/** Importing events: files, folders, stdin, the demo generator, a feed; receiving webhooks; asking the upstream to sync. */
import { extractMissingText } from '../attachments/extract/text-index.js';
import { DEMO_DEFAULT_COUNT, demoSourceItems } from '../sync/sources/demo/index.js';
import { pullFeed } from '../sync/sources/feed.js';
import { readEventsFromPath, readEventsFromStream, SourceReadError } from '../sync/sources/files.js';
import { startRelay } from '../sync/sources/relay.js';
import { startUpstreamSync } from '../sync/sources/upstream.js';
import { startWebhookReceiver } from '../sync/sources/webhook.js';
import { runImport } from '../sync/run.js';
import type { IngestResult, SourceItem } from '../sync/types.js';
import { COMMON, integer, requireEnv, str, untilStopped, withDbAsync, type Command, type Values } from './context.js';
import { CommandError, UsageError } from './errors.js';
import { printIngestResult, writeJson } from './output.js';

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
    }).then(async (imported) => {
      // Attachments stored before text extraction existed, or by a feed or webhook, become searchable too.
      await withDbAsync(values, (db) => extractMissingText(db));
      return imported;
    });
    if (!json && process.stderr.isTTY) process.stderr.write('\n');
    if (json) writeJson(result);
    else printIngestResult(result);
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

export const SYNC_COMMANDS: Readonly<Record<string, Command>> = { sync, listen, relay, 'start-sync': startSync };
