/**
 * A small pool of extraction workers. Each task is bounded in time and heap; a worker
 * that overruns, crashes or runs out of memory fails that task alone and is replaced.
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
  /** Lets tests run tasks that loop, crash or exhaust memory, through the same code. */
  testTasks?: boolean;
}

interface Pending {
  task: Task;
  resolve: (result: TaskResult) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  busy: { id: number; pending: Pending; timer: NodeJS.Timeout } | null;
}

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
  private readonly testTasks: boolean;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 2);
    this.timeoutMs = options.timeoutMs ?? TASK_TIMEOUT_MS;
    this.heapMb = options.heapMb ?? TASK_HEAP_MB;
    this.testTasks = options.testTasks ?? false;
  }

  run(task: Task): Promise<TaskResult> {
    if (this.closed) return Promise.resolve({ ok: false, error: 'text extraction has stopped (the app is closing)' });
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  /** Stops every worker; queued and running tasks fail with a message. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.resolve({ ok: false, error: 'text extraction has stopped (the app is closing)' });
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        this.finish(slot, { ok: false, error: 'text extraction has stopped (the app is closing)' });
        return slot.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && s.busy === null);
      if (slot === undefined) {
        const starting = this.slots.filter((s) => !s.ready).length;
        if (starting < this.queue.length && this.slots.length < this.size) this.spawn();
        return;
      }
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      const timer = setTimeout(() => this.replace(slot, `extraction took longer than ${this.timeoutMs / 1000} s and was stopped`), this.timeoutMs);
      slot.busy = { id, pending, timer };
      // A busy worker keeps the process alive (a CLI waits for its extraction); an idle one does not.
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
    const slot: Slot = { worker, ready: false, busy: null };
    worker.on('message', (message: { id: number; result: TaskResult } | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        this.dispatch();
        // Started for a task another worker took: idle, it must not keep the process alive.
        if (slot.busy === null) slot.worker.unref();
        return;
      }
      if (slot.busy?.id !== message.id) return;
      this.finish(slot, message.result);
      this.dispatch();
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

  private finish(slot: Slot, result: TaskResult): void {
    if (slot.busy === null) return;
    clearTimeout(slot.busy.timer);
    const { pending } = slot.busy;
    slot.busy = null;
    slot.worker.unref();
    pending.resolve(result);
  }

  /** Fails the slot's task, drops its worker, and lets a fresh one take the queue. */
  private replace(slot: Slot, error: string): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    this.finish(slot, { ok: false, error });
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (!slot.ready) {
      // A worker that cannot even start would fail again: the waiting tasks fail instead of looping.
      for (const pending of this.queue.splice(0)) pending.resolve({ ok: false, error: `text extraction could not start: ${error}` });
      return;
    }
    if (!this.closed) this.dispatch();
  }
}
