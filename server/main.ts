import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { answerParserErrors } from './http/clientError.ts';
import { ConfigError, ENVIRONMENT, parseConfig } from './config.ts';
import { ProcedureLoadError } from './library/procedureRegistry.ts';
import { log } from './log.ts';
import { DEMO_PASSWORD } from './seed.ts';
import { shutdownOnSignals } from './shutdown.ts';
import { startRuntime } from './startRuntime.ts';

const HELP = `motcua server — runs dossiers through the procedures in the library.

Usage: npm start            (or: node --import tsx server/main.ts)

Configuration by environment:
${ENVIRONMENT.map(([k, v]) => `  ${k.padEnd(24)} ${v}`).join('\n')}
`;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  let runtime;
  try {
    runtime = await startRuntime(config);
  } catch (error) {
    if (error instanceof ProcedureLoadError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  log.level = config.logLevel;
  const server = serve(
    { fetch: runtime.app.fetch, port: config.port, hostname: config.host },
    (info) => {
      const db = runtime.deps.dialect === 'sqlite' ? config.databaseUrl : 'PostgreSQL';
      log.info(
        { port: info.port, procedures: runtime.deps.registry.list().length, database: db },
        `motcua: http://localhost:${info.port} (${runtime.deps.registry.list().length} procedures, ${db})`,
      );
      if (runtime.seededUsers.length > 0)
        log.info(
          { users: runtime.seededUsers },
          `demo users created (password "${DEMO_PASSWORD}"): ${runtime.seededUsers.join(', ')}`,
        );
    },
  );
  answerParserErrors(server as unknown as Server);
  shutdownOnSignals(server, runtime, config.shutdownTimeoutMs);
}

await main();
