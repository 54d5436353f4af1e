/**
 * A text-extraction worker: the pool hands it tasks ahead, and it works through them one
 * at a time in the order received, saying when it starts each (the pool's time limit
 * runs from then) and answering each by id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerMessage } from './pool.js';
import { runTask, type Task } from './tasks.js';

// Without DecompressionStream pdf.js inflates a stream with its own synchronous decoder: for the few kB of a
// résumé's page that takes about a fifth less time than a round through Node's web streams (the text is the same),
// and this worker's time and heap limits bound it as they bound the rest. Only this thread loses it.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

const testTasks = (workerData as { testTasks?: boolean } | null)?.testTasks === true;
const waiting: { id: number; task: Task }[] = [];
let working = false;

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

async function work(): Promise<void> {
  working = true;
  for (let next = waiting.shift(); next !== undefined; next = waiting.shift()) {
    post({ started: next.id, at: Date.now() });
    post({ id: next.id, result: await runTask(next.task, testTasks) });
  }
  working = false;
}

parentPort?.on('message', (message: { id: number; task: Task }) => {
  waiting.push(message);
  if (!working) void work();
});
// Loading pdf.js and mammoth takes a while; a task's time starts once they are in.
post({ ready: true });
