import type { ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import { log } from './log.ts';
import type { Runtime } from './startRuntime.ts';

/**
 * Graceful shutdown on SIGTERM or SIGINT: stop the scheduler (so `/readyz` answers 503), stop
 * accepting connections, let in-flight requests finish (each answers only after its write has
 * committed), drain the write queue, close the database, exit 0. Past `timeoutMs` the remaining
 * connections are cut and the process exits 1; a second SIGINT (Ctrl-C) exits at once.
 */
export function shutdownOnSignals(server: ServerType, runtime: Runtime, timeoutMs: number): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A service manager signals the whole process group (npm, scripts/start.mjs, the server),
      // and start.mjs passes its signal on: a repeated SIGTERM is the same request. A second
      // Ctrl-C means "now".
      if (signal === 'SIGTERM') return;
      log.warn({ signal }, 'second interrupt: exiting now');
      process.exit(1);
    }
    stopping = true;
    const started = Date.now();
    log.info({ signal, timeoutMs }, 'shutting down: finishing in-flight requests');
    runtime.scheduler.stop();
    const http = server as Server;
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    // Keep-alive connections that are idle (or become idle after their answer) are closed so
    // that `close` completes; busy ones finish their request first.
    const idle = setInterval(() => http.closeIdleConnections?.(), 50);
    http.closeIdleConnections?.();
    let timedOut = false;
    const deadline = new Promise<void>((resolve) =>
      setTimeout(() => {
        timedOut = true;
        resolve();
      }, timeoutMs).unref(),
    );
    void Promise.race([closed, deadline])
      .then(async () => {
        clearInterval(idle);
        if (timedOut) {
          log.warn(
            { timeoutMs },
            'shutdown: requests still running after the timeout; cutting them',
          );
          http.closeAllConnections?.();
        }
        await runtime.close();
        log.info({ ms: Date.now() - started }, 'shut down');
        process.exit(timedOut ? 1 : 0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
