/** Data at rest (issue #9): erasing a candidate, retention, and changing the database key. */
import { createInterface } from 'node:readline/promises';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { encryptInPlace, rekeyDatabase } from '../db/encryption.js';
import { looksEncrypted, randomKey, type DatabaseKey } from '../db/key.js';
import { ErasureError, ErasureService, type ErasureCounts } from '../privacy/erasure.js';
import { COMMON, databaseFile, databaseKey, KEY_ENV, readKeyFile, str, withExistingDb, type Command, type Values } from './context.js';
import { CommandError, UsageError } from './errors.js';
import { writeJson } from './output.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeCounts(c: ErasureCounts): string {
  const parts = [
    plural(c.applications, 'application'),
    `${plural(c.attachments, 'attachment')} (${plural(c.files, 'file')} no one else shares, ${c.bytes} bytes)`,
  ];
  if (c.rejectedEvents > 0) parts.push(plural(c.rejectedEvents, 'kept rejected event'));
  if (c.relayEvents > 0) parts.push(plural(c.relayEvents, 'relay log event'));
  return parts.join(', ');
}

/** Asks on a terminal; elsewhere an erasure needs --yes. */
async function confirm(question: string, values: Values): Promise<void> {
  if (values.yes === true) return;
  if (!process.stdin.isTTY) throw new CommandError('nothing was erased: add --yes to erase without being asked');
  const reader = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await reader.question(`${question} Type "yes" to erase: `);
    if (answer.trim().toLowerCase() !== 'yes') throw new CommandError('nothing was erased');
  } finally {
    reader.close();
  }
}

function asCommandError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ErasureError) throw new CommandError(error.message);
    throw error;
  }
}

type Who = { candidateId: string } | { applicationId: string };

function who(values: Values, command: string): Who {
  const candidateId = str(values, 'candidate');
  const applicationId = str(values, 'application');
  if ((candidateId === undefined) === (applicationId === undefined)) throw new UsageError(`${command} takes --candidate ID or --application ID (one of them)`);
  const id = (candidateId ?? applicationId)!;
  if (id.trim() === '') throw new UsageError(`--${candidateId !== undefined ? 'candidate' : 'application'} takes an id, got ""`);
  return candidateId !== undefined ? { candidateId } : { applicationId: applicationId! };
}

const forget: Command = {
  summary: 'erase a candidate (or the candidate of an application) and everything derived from them; later syncs drop their events',
  usage: '--candidate ID | --application ID [--yes] | --list  [--db PATH] [--json]',
  options: { ...COMMON, candidate: { type: 'string' }, application: { type: 'string' }, yes: { type: 'boolean' }, list: { type: 'boolean' } },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError(`forget takes no arguments, got ${JSON.stringify(positionals[0])}`);
    if (values.list === true) {
      if (values.candidate !== undefined || values.application !== undefined) throw new UsageError('--list goes alone');
      const erasures = withExistingDb(values, (db) => new ErasureService(db).list());
      if (values.json === true) writeJson({ erasures });
      else if (erasures.length === 0) process.stdout.write('Nothing has been erased.\n');
      else {
        for (const e of erasures) {
          process.stdout.write(`${e.erasedAt}  ${e.reason === 'forget' ? 'forgotten' : 'retention'}: ${describeCounts(e)}${e.suppressed ? ', suppressed' : ''}\n`);
        }
      }
      return 0;
    }
    const target = who(values, 'forget');
    const plan = withExistingDb(values, (db) => asCommandError(() => new ErasureService(db).plan(target)));
    const what = plan.candidateKnown ? describeCounts(plan) : 'nothing stored yet; their events will be dropped from now on';
    await confirm(`This erases ${what}.`, values);
    const result = withExistingDb(values, (db) => asCommandError(() => new ErasureService(db).forget(target)));
    if (values.json === true) writeJson(result);
    else {
      process.stdout.write(`Erased ${describeCounts(result)}. Later syncs drop their events.\n`);
      if (!result.checkpointed) process.stderr.write('warning: another program has the database open; the erased pages leave its log at the next checkpoint\n');
    }
    return 0;
  },
};

const unforget: Command = {
  summary: 'lift a suppression: later syncs bring the candidate (or application) back',
  usage: '--candidate ID | --application ID  [--db PATH] [--json]',
  options: { ...COMMON, candidate: { type: 'string' }, application: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError(`unforget takes no arguments, got ${JSON.stringify(positionals[0])}`);
    const target = who(values, 'unforget');
    const removed = withExistingDb(values, (db) => asCommandError(() => new ErasureService(db).unforget(target)));
    if (values.json === true) writeJson({ removed });
    else process.stdout.write(`Lifted ${plural(removed, 'suppression')}: later syncs bring their events in again.\n`);
    return 0;
  },
};

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

const purge: Command = {
  summary: 'erase rejected or hired applications last updated before DATE (retention)',
  usage: '--closed-before DATE [--dry-run] [--yes]  [--db PATH] [--json]',
  options: { ...COMMON, 'closed-before': { type: 'string' }, 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' } },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError(`purge takes no arguments, got ${JSON.stringify(positionals[0])}`);
    const before = str(values, 'closed-before');
    if (before === undefined) throw new UsageError('purge needs --closed-before DATE (e.g. 2025-01-01)');
    if (!DATE.test(before) || Number.isNaN(Date.parse(before))) throw new UsageError(`--closed-before takes a date like 2025-01-01, got ${JSON.stringify(before)}`);
    const plan = withExistingDb(values, (db) => new ErasureService(db).planPurge(before));
    if (values['dry-run'] === true) {
      if (values.json === true) writeJson({ dryRun: true, ...plan });
      else process.stdout.write(`Would erase ${describeCounts(plan)}.\n`);
      return 0;
    }
    if (plan.applications > 0) await confirm(`This erases ${describeCounts(plan)}.`, values);
    const result = withExistingDb(values, (db) => new ErasureService(db).purge(before));
    if (values.json === true) writeJson(result);
    else process.stdout.write(`Erased ${describeCounts(result)}.\n`);
    return 0;
  },
};

/** Writes a key file readable by its owner only. */
function writeKeyFile(path: string, key: DatabaseKey): void {
  writeFileSync(path, `${key.kind === 'hex' ? key.hex : key.passphrase}\n`, { mode: 0o600 });
}

const rekey: Command = {
  summary: 'change the key (or passphrase) of an encrypted database, or encrypt a plaintext one',
  usage: '[--new-key-file PATH]  [--key-file PATH] [--db PATH] [--json]',
  options: { ...COMMON, 'new-key-file': { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError(`rekey takes no arguments, got ${JSON.stringify(positionals[0])}`);
    const file = databaseFile(values);
    if (!existsSync(file)) throw new CommandError(`no database at ${file}`);
    const newKeyFile = str(values, 'new-key-file');
    const keyFile = str(values, 'key-file');
    const encrypted = looksEncrypted(file);
    let newKey: DatabaseKey;
    /** Where a new random key waits until the database uses it, then its final place. */
    let generated: { pending: string; final: string } | null = null;
    if (newKeyFile !== undefined) newKey = readKeyFile(newKeyFile, '--new-key-file');
    else if (!encrypted && keyFile !== undefined && existsSync(keyFile)) newKey = readKeyFile(keyFile, '--key-file');
    else if (keyFile !== undefined) {
      // A new random key for --key-file: written beside it first, so it is never lost.
      newKey = randomKey();
      generated = { pending: `${keyFile}.new`, final: keyFile };
      writeKeyFile(generated.pending, newKey);
    } else {
      throw new UsageError(`rekey needs --new-key-file PATH, or --key-file PATH to receive a new random key (the key in ${KEY_ENV} cannot be replaced)`);
    }
    if (encrypted) {
      const oldKey = databaseKey(values);
      if (oldKey === null) throw new CommandError(`${file} is encrypted: give its current key with --key-file PATH or ${KEY_ENV}`);
      rekeyDatabase(file, oldKey, newKey);
    } else {
      await encryptInPlace(file, newKey, {
        onProgress: process.stderr.isTTY ? (done, total) => process.stderr.write(`\rEncrypting: ${Math.round((done / total) * 100)}%`) : undefined,
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
    }
    if (generated !== null) renameSync(generated.pending, generated.final);
    const where = newKeyFile ?? keyFile!;
    // The database must open with the new key before we say so.
    withExistingDb({ ...values, 'key-file': where }, () => undefined);
    if (values.json === true) writeJson({ db: file, encrypted: true, keyFile: where });
    else process.stdout.write(`${encrypted ? `The key of ${file} was changed` : `${file} is now encrypted`}; its key is in ${where}.\n`);
    return 0;
  },
};

export const PRIVACY_COMMANDS: Readonly<Record<string, Command>> = { forget, unforget, purge, rekey };
