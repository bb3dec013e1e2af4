import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { UserAdmin } from './auth/users.ts';
import { AppError } from './appError.ts';
import { parseConfig, type Config } from './config.ts';
import { openDatabase } from './db/dialect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadUnits } from './library/procedureFiles.ts';
import { syncUnits } from './seed.ts';

const HELP = `Create an administrator account (the first one of a production system).

Usage: npm run create-admin -- --username <name> --unit <unit id> [--name "<display name>"]

The password is read from MOTCUA_ADMIN_PASSWORD, else asked on the terminal. It must pass the
same strength check as in the app. Uses DATABASE_URL and PROCEDURES_DIR like the server.
`;

/** Create an administrator (also the designer); returns the problem when it cannot. */
export async function createAdmin(
  config: Config,
  input: { username: string; unitId: string; displayName: string; password: string },
  now = Date.now(),
): Promise<{ ok: true } | { ok: false; message: string }> {
  const database = await openDatabase({ url: config.databaseUrl });
  try {
    const migration = await migrateToLatest(database.db);
    if (migration.error) throw migration.error;
    const units = loadUnits(config.proceduresDir);
    await syncUnits(database.db, units);
    const admin = new UserAdmin(database.db, () => units);
    try {
      const prepared = await admin.prepareCreate('system:create-admin', {
        username: input.username,
        password: input.password,
        displayName: input.displayName,
        unitId: input.unitId,
        roles: ['designer'],
        isAdmin: true,
      });
      await database.db.transaction().execute((trx) => prepared.write(trx, now));
    } catch (error) {
      if (error instanceof AppError) {
        const problems = (error.details.problems ?? []) as {
          path: string;
          message: { vi: string };
        }[];
        return {
          ok: false,
          message: problems.length
            ? problems.map((p) => `${p.path}: ${p.message.vi}`).join('\n')
            : error.message,
        };
      }
      throw error;
    }
    return { ok: true };
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      unit: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.username || !values.unit) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  let password = process.env.MOTCUA_ADMIN_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question('Mật khẩu (password): ');
    rl.close();
  }
  const result = await createAdmin(parseConfig(process.env), {
    username: values.username,
    unitId: values.unit,
    displayName: values.name ?? values.username,
    password,
  });
  if (!result.ok) {
    console.error(result.message);
    return 1;
  }
  console.log(`administrator "${values.username}" created`);
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!))
  process.exitCode = await main();
