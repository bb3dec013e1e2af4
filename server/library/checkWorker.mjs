// A worker thread checking procedure files for `checkProcedures.ts`. The sources are TypeScript:
// tsx's loader is registered first (a worker of a process started without it has none).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runCheckWorker } = await import('./checkProcedures.ts');
runCheckWorker(workerData);
