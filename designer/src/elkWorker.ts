import ELK from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { setLayoutEngine } from './layout/layoutEngine.ts';

/**
 * Start ELK in a Web Worker as the app boots: its 1.6 MB of code is parsed and warmed up in the
 * worker while the app signs in and fetches the procedure, never blocking the page.
 */
export function startLayoutWorker(): void {
  const elk = new ELK({ workerUrl });
  setLayoutEngine(elk);
  // Load and initialise ELK's code while the app is still fetching (a tiny graph: a larger
  // warm-up would still be running when the real layout is asked for).
  void elk.layout({
    id: 'warm-up',
    children: [
      { id: 'a', width: 10, height: 10 },
      { id: 'b', width: 10, height: 10 },
    ],
    edges: [{ id: 'e', sources: ['a'], targets: ['b'] }],
  });
}
