/**
 * A small pool of extraction workers. Each task is bounded in time and heap; a worker
 * that overruns, crashes or runs out of memory fails that task alone and is replaced.
 *
 * Each worker is handed a window of tasks at once and works through them in order: the
 * thread that owns the pool is often busy for a second at a time (an import writing a
 * batch), and a worker that had to wait for it after every résumé would sit idle.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TASK_HEAP_MB, TASK_TIMEOUT_MS } from './limits.js';
import type { Task, TaskResult } from './tasks.js';

export interface PoolOptions {
  /** At most this many workers (2 on a 2-core machine). */
  size?: number;
  timeoutMs?: number;
  heapMb?: number;
  /** Tasks handed to one worker ahead of its answers (default 256: a batch's résumés while the import writes the last). */
  window?: number;
  /** And at most this many bytes of them (default 32 MB), however few (one task always goes). */
  windowBytes?: number;
  /** Lets tests run tasks that loop, crash or exhaust memory, through the same code. */
  testTasks?: boolean;
}

interface Pending {
  task: Task;
  resolve: (result: TaskResult) => void;
}

interface Sent {
  id: number;
  pending: Pending;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Handed to the worker and not answered yet, in the order it works through them. */
  sent: Sent[];
  sentBytes: number;
  /** The time limit of the task the worker said it started (the first of `sent`). */
  timer: NodeJS.Timeout | null;
}

/** Messages from a worker (worker.ts). */
export type WorkerMessage = { ready: true } | { started: number; at: number } | { id: number; result: TaskResult };

/**
 * From source (tsx, vitest) the worker is TypeScript and needs tsx's loader; in the
 * Electron bundle it is `extract-worker.js` beside the main bundle.
 */
function workerEntry(): { entry: URL | string; eval: boolean } {
  if (import.meta.url.endsWith('.ts')) {
    // Node 20 workers ignore `--import` in execArgv, so a tiny script registers tsx, then loads the worker.
    // require.resolve finds tsx's CommonJS build of its API; the ESM one sits beside it.
    const api = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/esm/api')), 'index.mjs')).href;
    const worker = new URL('./worker.ts', import.meta.url).href;
    const script = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); })`;
    return { entry: script, eval: true };
  }
  return { entry: new URL('./extract-worker.js', import.meta.url), eval: false };
}

export class ExtractorPool {
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly heapMb: number;
  private readonly window: number;
  private readonly windowBytes: number;
  private readonly testTasks: boolean;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 2);
    this.timeoutMs = options.timeoutMs ?? TASK_TIMEOUT_MS;
    this.heapMb = options.heapMb ?? TASK_HEAP_MB;
    this.window = Math.max(1, options.window ?? 256);
    this.windowBytes = options.windowBytes ?? 32 * 1024 * 1024;
    this.testTasks = options.testTasks ?? false;
  }

  run(task: Task): Promise<TaskResult> {
    if (this.closed) return Promise.resolve(STOPPED);
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  /** Stops every worker; queued and running tasks fail with a message. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.resolve(STOPPED);
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        this.stopTimer(slot);
        for (const sent of slot.sent.splice(0)) sent.pending.resolve(STOPPED);
        return slot.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      // The ready worker with the fewest tasks in hand, while it has room for the next.
      const bytes = this.queue[0]!.task.bytes.length;
      const hasRoom = (candidate: Slot) =>
        candidate.sent.length === 0 || (candidate.sent.length < this.window && candidate.sentBytes + bytes <= this.windowBytes);
      let slot: Slot | undefined;
      for (const candidate of this.slots) {
        if (candidate.ready && hasRoom(candidate) && (slot === undefined || candidate.sent.length < slot.sent.length)) slot = candidate;
      }
      if (slot === undefined || (slot.sent.length > 0 && this.slots.length < this.size)) {
        // Another worker would take tasks this one must otherwise wait for: start it (it takes them once ready).
        const starting = this.slots.some((s) => !s.ready);
        if (!starting && this.slots.length < this.size) this.spawn();
        if (slot === undefined) return;
      }
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      slot.sent.push({ id, pending });
      slot.sentBytes += bytes;
      // A worker with tasks keeps the process alive (a CLI waits for its extraction); an idle one does not.
      slot.worker.ref();
      // The bytes are copied, not transferred: the caller keeps its buffer.
      slot.worker.postMessage({ id, task: pending.task });
    }
  }

  private spawn(): Slot {
    const { entry, eval: isScript } = workerEntry();
    const worker = new Worker(entry, {
      eval: isScript,
      workerData: { testTasks: this.testTasks },
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false, sent: [], sentBytes: 0, timer: null };
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        slot.ready = true;
        this.dispatch();
        // Started for tasks another worker took: idle, it must not keep the process alive.
        if (slot.sent.length === 0) slot.worker.unref();
      } else if ('started' in message) {
        if (slot.sent[0]?.id !== message.started) return;
        // The worker's own clock says when it began; this thread may have been busy since.
        const left = Math.max(0, this.timeoutMs - (Date.now() - message.at));
        this.stopTimer(slot);
        slot.timer = setTimeout(() => this.replace(slot, `extraction took longer than ${this.timeoutMs / 1000} s and was stopped`), left);
      } else if (slot.sent[0]?.id === message.id) {
        this.stopTimer(slot);
        const sent = slot.sent.shift()!;
        slot.sentBytes -= sent.pending.task.bytes.length;
        if (slot.sent.length === 0) slot.worker.unref();
        sent.pending.resolve(message.result);
        this.dispatch();
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `extraction needed more than ${this.heapMb} MB of memory and was stopped`
          : `extraction failed (${error.message})`;
      this.replace(slot, reason);
    });
    worker.on('exit', (code) => this.replace(slot, `extraction stopped unexpectedly (exit code ${code})`));
    this.slots.push(slot);
    return slot;
  }

  private stopTimer(slot: Slot): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /**
   * Fails the task the worker was on (the first it has not answered: it works in order), drops the
   * worker, and gives the tasks it had not begun back to the queue for a fresh one.
   */
  private replace(slot: Slot, error: string): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    this.stopTimer(slot);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    const [current, ...waiting] = slot.sent.splice(0);
    current?.pending.resolve({ ok: false, error });
    this.queue.unshift(...waiting.map((sent) => sent.pending));
    if (!slot.ready) {
      // A worker that cannot even start would fail again: the waiting tasks fail instead of looping.
      for (const pending of this.queue.splice(0)) pending.resolve({ ok: false, error: `text extraction could not start: ${error}` });
      return;
    }
    if (!this.closed) this.dispatch();
  }
}

const STOPPED: TaskResult = { ok: false, error: 'text extraction has stopped (the app is closing)' };
