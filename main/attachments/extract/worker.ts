/** A text-extraction worker: one task at a time from the pool, answered by id. */
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type Task } from './tasks.js';

const testTasks = (workerData as { testTasks?: boolean } | null)?.testTasks === true;

parentPort?.on('message', (message: { id: number; task: Task }) => {
  void runTask(message.task, testTasks).then((result) => parentPort?.postMessage({ id: message.id, result }));
});
// Loading pdf.js and mammoth takes a while; a task's time starts once they are in.
parentPort?.postMessage({ ready: true });
