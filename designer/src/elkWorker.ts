import ELK from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { LayoutEngine } from './layout/layoutEngine.ts';

/**
 * ELK in a Web Worker, started the first time a layout must be computed (this module and the
 * worker's 1.6 MB are loaded then, never by the office pages): parsed off the main thread.
 */
export function startLayoutWorker(): LayoutEngine {
  return new ELK({ workerUrl });
}
