import type { FileService } from './fileService.ts';

/**
 * Collect expired uploads and orphan blobs at start (what a crash left) and then every quarter
 * of an upload's lifetime (at most hourly) — only in a runtime whose scheduler runs (a server,
 * not a test or a benchmark, which call `collect()` themselves). `stop` waits for a collection
 * under way.
 */
export function startFileCollector(
  files: FileService,
  periodic: boolean,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  if (!periodic) return { stop: async () => undefined };
  const run = () => {
    running = running.then(() =>
      files.collect().catch((error: Error) => console.error('file collector:', error.message)),
    );
  };
  run();
  const every = Math.min(3_600_000, Math.max(1000, (files.config.uploadTtlSeconds * 1000) / 4));
  const timer = setInterval(run, every);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
