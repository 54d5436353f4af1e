/**
 * A file that appears under its name only when complete: written to a temporary file
 * beside it, fsynced, then renamed over the name. A cancelled or failed write removes the
 * temporary file and leaves whatever was under the name untouched.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';

/** A write error in words a person can act on (ENOSPC is "the disk is full"). */
export function describeWriteError(error: unknown, target: string): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const folder = dirname(target);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new Error(`the disk is full: could not write ${target}`);
    case 'ENOENT':
      return new Error(`no folder ${folder} to save ${basename(target)} in`);
    case 'ENOTDIR':
      return new Error(`${folder} is not a folder: could not write ${target}`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new Error(`cannot write in ${folder}: permission denied`);
    case 'EISDIR':
      return new Error(`${target} is a folder: give a file name`);
    default:
      return new Error(`could not write ${target}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export class WriteCancelled extends Error {
  constructor(target: string) {
    super(`cancelled: nothing was saved as ${target}`);
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined, target: string): void {
  if (signal?.aborted === true) throw new WriteCancelled(target);
}

/** Writes `chunk`, waiting for the stream to drain when its buffer is full. */
export async function writeChunk(stream: WriteStream, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/**
 * Runs `write` against a stream on a temporary file beside `target`; on success the
 * file is fsynced and renamed onto `target` (replacing a file there: a save dialog has
 * already asked). Throws `WriteCancelled` or a described write error otherwise.
 */
export async function writeAtomically<T>(target: string, write: (stream: WriteStream) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.part`);
  // A chunk of a large export is a few hundred kB: a buffer that holds one lets the writer hand it over and go on.
  const stream = createWriteStream(temp, { flags: 'wx', mode: 0o644, highWaterMark: 1024 * 1024 });
  // The first error is what went wrong; later ones (e.g. writes after a failure) add nothing.
  let failure: unknown = null;
  stream.on('error', (error) => (failure ??= error));
  try {
    await once(stream, 'open');
    const result = await write(stream);
    throwIfCancelled(signal, target);
    if (!stream.writableEnded) stream.end();
    if (!stream.writableFinished) await once(stream, 'finish');
    if (failure !== null) throw failure;
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    throwIfCancelled(signal, target);
    await rename(temp, target);
    return result;
  } catch (error) {
    stream.destroy();
    await rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof WriteCancelled) throw error;
    throw describeWriteError(failure ?? error, target);
  }
}
