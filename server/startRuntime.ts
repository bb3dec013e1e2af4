import { createCalendar, type WorkingCalendar } from '../engine/index.ts';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/dialect.ts';
import { localChangeFeed, postgresChangeFeed } from './db/notifications.ts';
import { attachSessionFeed } from './http/auth.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createApp } from './http/app.ts';
import type { AppDeps } from './http/context.ts';
import { SecretBox } from './auth/secretBox.ts';
import { UserAdmin } from './auth/users.ts';
import { loadSchedules, loadUnits } from './library/procedureFiles.ts';
import { log } from './log.ts';
import { ProcedureRegistry } from './library/procedureRegistry.ts';
import { DossierService } from './runtime/dossierService.ts';
import { startHousekeeping } from './runtime/housekeeping.ts';
import { FileService, openBlobStore } from './files/fileService.ts';
import { startFileCollector } from './files/fileCollector.ts';
import { Scheduler } from './runtime/scheduler.ts';
import { DEFAULT_RETRY_POLICY } from './db/retry.ts';
import { WriteQueue } from './runtime/writeQueue.ts';
import { seedDemoUsers, syncUnits } from './seed.ts';
import { SigningKeys } from './pdf/signingKeys.ts';
import { startNoticeDelivery } from './mail/deliverNotices.ts';
import { SmtpNoticeSender } from './mail/noticeSender.ts';

/** A running runtime: the app (for `app.request` or a socket), its parts, and how to stop it. */
export interface Runtime {
  readonly app: ReturnType<typeof createApp>;
  readonly deps: AppDeps;
  readonly database: DatabaseHandle;
  readonly scheduler: Scheduler;
  readonly seededUsers: readonly string[];
  close(): Promise<void>;
}

/** Options for tests and benchmarks: a fake clock, no scheduler. */
export interface RuntimeOptions {
  readonly now?: () => number;
  readonly startScheduler?: boolean;
}

/**
 * Open the database, migrate, load and register the procedure library, seed, and build the app.
 * Invalid procedure files stop the start (ProcedureLoadError names file, line, path, message).
 */
export async function startRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const now = options.now ?? Date.now;
  const database = await openDatabase({
    url: config.databaseUrl,
    sqliteSynchronous: config.sqliteSynchronous,
    poolSize: config.postgres.poolSize,
  });
  try {
    const migration = await migrateToLatest(database.db);
    if (migration.error) throw migration.error;
    const units = loadUnits(config.proceduresDir);
    const { schedules, problems } = loadSchedules(config.proceduresDir);
    if (problems.length > 0) {
      throw new Error(
        `Invalid calendar files:\n${problems.map((p) => p.problems.map((x) => `  ${p.file} ${x.path}: ${x.message.en}`).join('\n')).join('\n')}`,
      );
    }
    const calendar: WorkingCalendar = createCalendar({ schedules });
    const registry = new ProcedureRegistry(database.db, config.proceduresDir, units);
    await registry.loadAll(now());
    await syncUnits(database.db, units);
    const seededUsers = config.seedDemoUsers ? await seedDemoUsers(database.db, units, now()) : [];
    // Other server processes on the same database hear of session ends and saved procedures.
    const changes =
      database.dialect === 'postgres'
        ? await postgresChangeFeed(config.databaseUrl)
        : localChangeFeed();
    const detachSessions = attachSessionFeed(changes);
    registry.onSaved = (id) => changes.publish({ kind: 'procedure-saved', id });
    changes.subscribe((change) => {
      if (change.kind === 'procedure-saved')
        void registry.reload(change.id, now()).catch((e) => console.error('reload:', e));
    });
    // SQLite has one writer; PostgreSQL commits several batches at once (see WriteQueue).
    const writes = new WriteQueue(
      database.db,
      256,
      DEFAULT_RETRY_POLICY,
      database.dialect === 'postgres' ? config.postgres.writeBatches : 1,
    );
    const files = new FileService(openBlobStore(config.files), config.files, database.db, now);
    const dossiers = new DossierService({
      files,
      db: database.db,
      dialect: database.dialect,
      registry,
      calendar,
      writes,
      now,
      codePattern: config.dossierCodePattern,
    });
    const deps: AppDeps = {
      config,
      db: database.db,
      dialect: database.dialect,
      registry,
      calendar,
      writes,
      dossiers,
      users: new UserAdmin(database.db, () => registry.catalog()),
      now,
      secrets: config.secretKey
        ? SecretBox.fromPassphrase(config.secretKey)
        : config.secretKeyFile
          ? SecretBox.fromKeyFile(config.secretKeyFile)
          : SecretBox.ephemeral(),
      files,
      signing: new SigningKeys(config.signingDir),
    };
    const scheduler = new Scheduler(dossiers, config.schedulerIntervalMs, (err) =>
      log.error({ err }, 'scheduler: tick failed'),
    );
    if (options.startScheduler !== false) scheduler.start();
    // Expired answers, sessions and throttles go; with the scheduler (tests drive both by hand).
    const housekeeping =
      options.startScheduler !== false ? startHousekeeping(database.db, now) : undefined;
    const app = createApp(deps, { scheduler, pool: database.pool });
    const collector = startFileCollector(files, options.startScheduler !== false);
    // Applicant notices by e-mail, with the scheduler (tests call deliverNotices by hand).
    const mail =
      config.mail.smtpUrl && options.startScheduler !== false
        ? startNoticeDelivery(
            database.db,
            new SmtpNoticeSender(config.mail.smtpUrl, config.mail.from),
            {
              now,
              publicUrl: config.publicUrl,
              maxAttempts: config.mail.maxAttempts,
              intervalMs: config.mail.intervalMs,
            },
            (err) => log.error({ err }, 'mail: delivery round failed'),
          )
        : undefined;
    return {
      app,
      deps,
      database,
      scheduler,
      seededUsers,
      async close() {
        scheduler.stop();
        housekeeping?.stop();
        await mail?.stop();
        await collector.stop();
        files.close();
        await writes.drain();
        detachSessions();
        await changes.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
