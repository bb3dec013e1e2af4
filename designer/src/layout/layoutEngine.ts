import type { ElkNode } from 'elkjs/lib/elk-api.js';

/** What the automatic layout needs from ELK: one asynchronous layout call. */
export interface LayoutEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

let engine: Promise<LayoutEngine> | undefined;
let loader: (() => Promise<LayoutEngine>) | undefined;

/** How to load ELK the first time a layout is asked for (the browser app: a Web Worker). */
export function setLayoutEngineLoader(load: () => Promise<LayoutEngine>): void {
  loader = load;
}

/**
 * Use this ELK instance for automatic layout. The browser app installs one running in a Web
 * Worker (so the page stays responsive and ELK's code is parsed off the main thread); without
 * one, ELK's bundled build is loaded on first use (Node, tests).
 */
export function setLayoutEngine(next: LayoutEngine): void {
  engine = Promise.resolve(next);
}

/** The ELK instance in use. */
export function layoutEngine(): Promise<LayoutEngine> {
  engine ??= loader
    ? loader()
    : import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return engine;
}
