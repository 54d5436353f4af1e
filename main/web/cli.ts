#!/usr/bin/env node
/**
 * `npm run web`: the same renderer and API as the desktop app, in a browser on this
 * machine. The first stdout line is the address with this launch's token, so scripts
 * and tests can read it. Exit 0 stopped by SIGINT/SIGTERM, 1 failed, 2 usage.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Envelope } from '../../shared/api/contract.js';
import type { Overview, SyncState } from '../../shared/api/sync.js';
import { MemorySecretStore } from '../api/secrets.js';
import { createApiService, type ApiService } from '../api/service.js';
import { databaseKey, KEY_ENV, openForCommand } from '../cli/context.js';
import { CommandError, UsageError } from '../cli/errors.js';
import type { DatabaseKey } from '../db/key.js';
import { openDatabase } from '../db/open.js';
import { defaultDatabasePath } from '../paths.js';
import { startWebServer } from './server.js';

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

const USAGE = `usage: npm run -s web -- [--db PATH] [--key-file PATH] [--port N] [--seed-demo] [--static DIR]

  --db PATH     the database (default $CANDIDATE_VIEWER_DB, else the desktop app's file)
  --key-file F  the key of an encrypted database (default $${KEY_ENV}): a passphrase or 64 hex digits;
                a database created with a key is encrypted
  --port N      the port on 127.0.0.1 (default 0: any free port)
  --seed-demo   fill an empty database with the demo ATS before serving
  --static DIR  the renderer build to serve (default dist/renderer, made by \`npx vite build\`)
`;

const SECRETS_WARNING =
  'In the web face secrets are kept in memory only and are forgotten when `npm run web` stops. ' +
  'Set KNIT_API_KEY and CANDIDATE_VIEWER_FEED_TOKEN before starting it to have them filled in.';

interface WebOptions {
  db: string;
  key: DatabaseKey | null;
  port: number;
  seedDemo: boolean;
  staticDir: string;
  help: boolean;
}

function parseOptions(argv: string[]): WebOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        'key-file': { type: 'string' },
        port: { type: 'string' },
        'seed-demo': { type: 'boolean' },
        static: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const rawPort = values.port ?? '0';
  if (!/^\d{1,5}$/.test(rawPort) || Number(rawPort) > 65535) {
    throw new UsageError(`--port takes a whole number from 0 to 65535, got ${JSON.stringify(rawPort)}`);
  }
  if (values.db === '') throw new UsageError('--db takes a file path, got ""');
  return {
    db: values.db ?? defaultDatabasePath(),
    key: databaseKey(values),
    port: Number(rawPort),
    seedDemo: values['seed-demo'] === true,
    staticDir: values.static ?? DEFAULT_STATIC_DIR,
    help: values.help === true,
  };
}

/** Resolves on the first SIGINT/SIGTERM; a second one kills the process as usual. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function unwrap<T>(envelope: Envelope<unknown>, what: string): T {
  if (!envelope.ok) throw new CommandError(`${what}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** Runs the demo sync to its end, through the API as the page would, if the database is empty. */
async function seedDemo(api: ApiService): Promise<void> {
  const overview = unwrap<Overview>(await api.dispatch('overview', {}), 'cannot read the database');
  if (overview.applications > 0 || overview.deleted > 0) {
    process.stderr.write('The database already has applications: --seed-demo left it as it is.\n');
    return;
  }
  process.stderr.write('Filling the database with the demo ATS…\n');
  const finished = new Promise<SyncState>((resolve) => {
    const stop = api.onEvent((event) => {
      if (event.type !== 'sync.finished') return;
      stop();
      resolve(event.state);
    });
  });
  unwrap(await api.dispatch('startSync', { source: { kind: 'demo' } }), 'cannot seed the demo data');
  const { last } = await finished;
  if (last?.error) throw new CommandError(`the demo sync failed: ${last.error}`);
  process.stderr.write(`Demo data ready${last ? `: ${last.applied} events applied` : ''}.\n`);
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const stopped = untilStopped();
  const db = openForCommand({}, options.db, { key: options.key });
  const secrets = new MemorySecretStore(SECRETS_WARNING, {
    apiKey: process.env.KNIT_API_KEY,
    feedToken: process.env.CANDIDATE_VIEWER_FEED_TOKEN,
  });
  const api = createApiService({ db, secrets, openReader: () => openDatabase(options.db, { readonly: true, key: options.key }) });
  try {
    if (options.seedDemo) await seedDemo(api);
    const server = await startWebServer({ api, staticDir: options.staticDir, port: options.port });
    try {
      process.stdout.write(`${server.url}\n`);
      process.stdout.write('Open the address above in your browser on this machine (it carries this session’s token). Ctrl+C stops the server.\n');
      if (!existsSync(join(options.staticDir, 'index.html'))) {
        process.stderr.write(`warning: no web page at ${options.staticDir}: run \`npx vite build\` first; until then the page explains this.\n`);
      }
      await stopped;
    } finally {
      await server.close();
    }
  } finally {
    await api.close();
    db.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    if (error instanceof UsageError) {
      process.stderr.write(USAGE);
      process.exitCode = 2;
      return;
    }
    if (process.env.CANDIDATE_VIEWER_DEBUG && !(error instanceof CommandError)) console.error(error);
    process.exitCode = 1;
    // A failure may leave the signal handlers or a half-started sync holding the loop open.
    process.exit();
  },
);
