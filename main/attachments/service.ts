/**
 * One attachment at a time, for the API handlers and the CLI alike: its bytes exactly as
 * decoded at ingest, its sniffed type, a safe name, and saving it to disk without ever
 * leaving half a file or overwriting one unasked.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, lstatSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AttachmentFile, AttachmentRef } from '../../shared/api/attachments.js';
import type { Db } from '../db/open.js';
import { attachmentFileName } from './file-name.js';
import { previewKind, sniffMediaType } from './sniff.js';

/** Larger files are saved, not previewed: the window would hold them whole. */
export const MAX_PREVIEW_BYTES = 50 * 1024 * 1024;

/** Why an attachment cannot be served; `code` follows the contract's error codes. */
export class AttachmentError extends Error {
  constructor(
    readonly code: 'not-found' | 'invalid-request' | 'conflict' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'AttachmentError';
  }
}

interface AttachmentRow {
  name: string | null;
  type: string | null;
  link: string | null;
  sha256: string | null;
  error: string | null;
  candidateName: string | null;
  /** Null when no bytes are stored. */
  size: number | null;
}

export interface SavedAttachment {
  out: string;
  size: number;
  sha256: string;
  mediaType: string;
}

export class AttachmentService {
  private readonly application;
  private readonly count;
  private readonly row;
  private readonly bytes;

  constructor(db: Db) {
    this.application = db.prepare<[string], { pk: number }>('SELECT pk FROM applications WHERE id = ?');
    this.count = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM attachments WHERE app_pk = ?');
    this.row = db.prepare<[number, number], AttachmentRow>(
      `SELECT t.name, t.type, t.link, t.sha256, t.error, a.candidate_name AS candidateName, length(b.bytes) AS size
       FROM attachments t JOIN applications a ON a.pk = t.app_pk LEFT JOIN blobs b ON b.sha256 = t.sha256
       WHERE t.app_pk = ? AND t.pos = ?`,
    );
    this.bytes = db.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM blobs WHERE sha256 = ?');
  }

  /**
   * The attachment's bytes and what they are. With `maxBytes` (a preview), a larger file is
   * refused before its bytes are read.
   */
  file({ id, n }: AttachmentRef, options: { maxBytes?: number } = {}): AttachmentFile {
    const row = this.find(id, n);
    if (row.size === null || row.sha256 === null) {
      if (row.error !== null) throw new AttachmentError('failed', `attachment ${n} could not be decoded: ${row.error}`);
      if (row.link !== null) throw new AttachmentError('not-found', `attachment ${n} has no content, only a link to the ATS`);
      throw new AttachmentError('not-found', `attachment ${n} has no content`);
    }
    if (options.maxBytes !== undefined && row.size > options.maxBytes) {
      throw new AttachmentError(
        'invalid-request',
        `attachment ${n} is too large to preview (${megabytes(row.size)} MB; the cap is ${megabytes(options.maxBytes)} MB): save it instead`,
      );
    }
    const bytes = this.bytes.get(row.sha256)!.bytes;
    // The blob is keyed by its hash: a mismatch is a damaged database, never bytes to hand out.
    if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
      throw new AttachmentError('failed', `attachment ${n} is damaged in the database (its bytes no longer match their checksum)`);
    }
    const mediaType = sniffMediaType(bytes);
    return {
      fileName: attachmentFileName({ name: row.name, type: row.type, candidateName: row.candidateName, applicationId: id, n, mediaType }),
      mediaType,
      kind: previewKind(mediaType),
      size: bytes.length,
      sha256: row.sha256,
      bytes,
    };
  }

  /**
   * Writes the bytes to `out`: an existing folder (or a path ending in a separator) gets
   * the sanitised name inside it. A temporary file in the same folder is renamed onto the
   * name only once complete and synced.
   */
  saveTo(ref: AttachmentRef, out: string, options: { force?: boolean } = {}): SavedAttachment {
    const file = this.file(ref);
    const target = isFolder(out) ? join(out, file.fileName) : out;
    const overwrite = options.force === true;
    // Checked first so a refusal costs no write; writeAtomically checks again, atomically.
    if (!overwrite && exists(target)) throw alreadyExists(target);
    writeAtomically(target, file.bytes, { overwrite });
    return { out: target, size: file.size, sha256: file.sha256, mediaType: file.mediaType };
  }

  private find(id: string, n: number): AttachmentRow {
    const application = this.application.get(id);
    if (application === undefined) throw new AttachmentError('not-found', `no application with id ${JSON.stringify(id)}`);
    const row = Number.isInteger(n) && n >= 1 ? this.row.get(application.pk, n - 1) : undefined;
    if (row === undefined) {
      const count = this.count.get(application.pk)!.n;
      const has = count === 0 ? 'has no attachments' : count === 1 ? 'has 1 attachment' : `has ${count} attachments`;
      throw new AttachmentError('not-found', `application ${JSON.stringify(id)} ${has}, so there is no attachment ${n}`);
    }
    return row;
  }
}

function isFolder(path: string): boolean {
  if (/[/\\]$/.test(path)) return true;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function alreadyExists(path: string): AttachmentError {
  return new AttachmentError('conflict', `${path} already exists (use --force to overwrite it)`);
}

function megabytes(bytes: number): string {
  return String(Math.round((bytes / 1024 / 1024) * 10) / 10);
}

/** Errors of the file system in words, naming the path. */
export function fileSystemMessage(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return `the disk is full: ${path} was not written`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `no permission to write ${path}`;
    case 'ENOENT':
      return `the folder ${dirname(path)} does not exist`;
    case 'ENOTDIR':
      return `${dirname(path)} is not a folder`;
    case 'EISDIR':
      return `${path} is a folder`;
    default:
      return `cannot write ${path}: ${(error as Error).message}`;
  }
}

/**
 * Temp file beside the target (same file system, so the rename is atomic), fsync, then
 * rename. Without `overwrite` the temp file is hard-linked to the name instead, which
 * fails if the name was taken meanwhile; where links are not supported, checked, then renamed.
 */
export function writeAtomically(target: string, bytes: Uint8Array, options: { overwrite: boolean }): void {
  // Short and fixed in length: a name near the file system's limit still gets a temp file.
  const temp = join(dirname(target), `.candidate-viewer-${randomBytes(6).toString('hex')}.part`);
  let fd: number | null = null;
  let tempExists = false;
  try {
    fd = openSync(temp, 'wx', 0o600);
    tempExists = true;
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    if (options.overwrite) {
      renameSync(temp, target);
      tempExists = false;
    } else {
      tempExists = !placeWithoutOverwriting(temp, target);
    }
    syncFolder(dirname(target));
    if (tempExists) unlinkSync(temp);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    if (tempExists) {
      try {
        unlinkSync(temp);
      } catch {
        // Already gone.
      }
    }
    if (error instanceof AttachmentError) throw error;
    throw new AttachmentError('failed', fileSystemMessage(error, target));
  }
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);

/** Gives the temp file the name `target` unless it is taken; true when `temp` itself was renamed. */
function placeWithoutOverwriting(temp: string, target: string): boolean {
  try {
    linkSync(temp, target);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw alreadyExists(target);
    if (!NO_HARD_LINKS.has(code)) throw error;
    // FAT and some network drives have no links: a name taken between check and rename is replaced.
    if (exists(target)) throw alreadyExists(target);
    renameSync(temp, target);
    return true;
  }
}

/** The new name survives a power cut once its folder is synced (POSIX; Windows cannot open a folder). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse to sync a folder; the file itself is already synced.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
