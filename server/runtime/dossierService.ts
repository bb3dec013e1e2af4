import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  applyEvent,
  EngineError,
  receptionForm,
  startDossier,
  type Channel,
  type DossierSnapshot,
  type Procedure,
  type WorkingCalendar,
  vietnamDate,
} from '../../engine/index.ts';
import { AppError } from '../appError.ts';
import type { User } from '../auth/sessions.ts';
import type { DialectName } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import type { ProcedureRegistry } from '../library/procedureRegistry.ts';
import { linkFiles, type FileLink } from '../files/dossierFiles.ts';
import type { FileService } from '../files/fileService.ts';
import { nextDossierCode } from './dossierCode.ts';
import { readLockedDossier } from './dossierLock.ts';
import { checkExpectedVersion } from './expectedVersion.ts';
import { validateFormData } from './formValidator.ts';
import { citizenPermission, permissionFor } from './permissions.ts';
import { dossierSearchText } from './searchText.ts';
import { persistStart, persistTransition, snapshotColumns } from './persistTransition.ts';
import type { WriteQueue } from './writeQueue.ts';

/** What the desk enters to receive a dossier. */
export interface ReceiveInput {
  readonly procedureId: string;
  readonly applicant: {
    readonly name: string;
    readonly idNumber?: string;
    readonly phone?: string;
    readonly email?: string;
    readonly address?: string;
  };
  readonly channel: Channel;
  readonly data: Record<string, unknown>;
  readonly documents: readonly string[];
  /** Accept the complete dossier at once (start the legal clock and issue the receipt). */
  readonly accept: boolean;
  /** Files attached at reception (uploads sent before, or reused documents). */
  readonly uploads?: readonly FileLink[] | undefined;
}

/** An event sent to a dossier through the API. */
export interface EventInput {
  readonly type: string;
  readonly data?: Record<string, unknown>;
  readonly documents?: readonly string[];
  readonly note?: string;
  readonly expectedVersion?: number;
  /** Files the event attaches (a supplement, working papers, the result). */
  readonly uploads?: readonly FileLink[] | undefined;
}

/** Dependencies of the dossier runtime. */
export interface DossierServiceDeps {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly registry: ProcedureRegistry;
  readonly calendar: WorkingCalendar;
  readonly writes: WriteQueue;
  readonly now: () => number;
  readonly codePattern: string;
  readonly files?: FileService;
}

/** SHA-256 of a receipt secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A short secret printed on the receipt (no easily confused letters). */
export function newSecret(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** A due timer as the scheduler reads it. */
interface DueTimer {
  readonly dossier_id: string;
  readonly timer_key: string;
  readonly event: string;
  readonly due_at: number;
}

/** The dossier runtime: receive, apply events, fire timers, each a durable transaction. */
export class DossierService {
  constructor(private readonly deps: DossierServiceDeps) {}

  /**
   * Receive a dossier at the desk (tiếp nhận): validate, create, optionally accept at once. Runs
   * in the caller's transaction (a `WriteQueue` job), like `apply`.
   */
  async receive(
    trx: Transaction<Database>,
    user: User,
    input: ReceiveInput,
    options: { readonly citizen?: boolean } = {},
  ): Promise<{
    id: string;
    code: string;
    secret: string;
    snapshot: DossierSnapshot;
    version: number;
  }> {
    const entry = this.deps.registry.inEffect(input.procedureId, this.deps.now());
    if (!entry)
      throw new AppError('not-found', `No procedure "${input.procedureId}"`, {
        field: 'procedureId',
      });
    const procedure = entry.procedure;
    const form = receptionForm(procedure);
    if (form) {
      const problems = validateFormData(
        procedure,
        form.id,
        input.data,
        vietnamDate(this.deps.now()),
      );
      if (problems.length > 0)
        throw new AppError('form-invalid', `The e-form "${form.title.vi}" is not valid`, {
          problems,
        });
    }
    const unknownDocs = input.documents.filter((d) => !procedure.documents.some((x) => x.id === d));
    if (unknownDocs.length > 0) {
      throw new AppError('validation', `Unknown documents: ${unknownDocs.join(', ')}`, {
        problems: unknownDocs.map((d) => ({
          path: '/documents',
          message: `unknown document ${d}`,
        })),
      });
    }
    const initial = procedure.machine.states[procedure.machine.initial];
    const receivingUnit = initial?.meta?.unit ?? '';
    // An online submission (the citizen themself) waits at the first step for the desk.
    if (
      !options.citizen &&
      !user.isAdmin &&
      !(user.unitId === receivingUnit && user.roles.includes('reception'))
    ) {
      throw new AppError(
        'forbidden',
        `Only reception officers of ${receivingUnit} receive this procedure`,
      );
    }
    const unitRow = await trx
      .selectFrom('units')
      .select(['code', 'level'])
      .where('id', '=', receivingUnit)
      .executeTakeFirst();
    const calendar = this.deps.calendar;
    {
      const now = this.deps.now();
      const id = randomUUID();
      const secret = newSecret();
      const code = await nextDossierCode(
        trx,
        this.deps.codePattern,
        unitRow?.code ?? receivingUnit,
        now,
      );
      const started = startDossier(
        procedure,
        { data: input.data, documents: input.documents, channel: input.channel },
        new Date(now),
        { calendar },
      );
      await trx
        .insertInto('dossiers')
        .values({
          id,
          code,
          secret_hash: hashSecret(secret),
          procedure_id: procedure.id,
          procedure_version: entry.version,
          unit_id: receivingUnit,
          level: procedure.level,
          channel: input.channel,
          applicant_name: input.applicant.name,
          applicant_id_number: input.applicant.idNumber ?? null,
          ...snapshotColumns(started.snapshot),
          version: 1,
          received_at: now,
          created_by: user.id,
          updated_at: now,
          search_text: dossierSearchText(
            code,
            input.applicant.name,
            input.applicant.idNumber ?? null,
          ),
        })
        .execute();
      await persistStart(
        trx,
        procedure,
        id,
        started.snapshot,
        started.effects,
        {
          type: 'motcua.received',
          actor: user.id,
          override: false,
          payload: {
            input: { data: input.data, documents: input.documents, channel: input.channel },
            applicant: input.applicant,
            at: now,
          },
        },
        now,
      );
      await linkFiles(trx, this.deps.files, input.uploads, {
        dossierId: id,
        user,
        stage: 'reception',
        stepId: Object.keys(started.snapshot.steps)[0] ?? null,
        documents: procedure.documents.map((d) => d.id),
        now,
      });
      let snapshot = started.snapshot;
      let version = 1;
      if (input.accept && started.snapshot.status === 'active') {
        const next = applyEvent(procedure, snapshot, { type: 'ACCEPT' }, new Date(now), {
          calendar,
        });
        version = await persistTransition(trx, {
          procedure,
          dossierId: id,
          expectedVersion: 1,
          before: snapshot,
          snapshot: next.snapshot,
          effects: next.effects,
          event: { type: 'ACCEPT', actor: user.id, override: false, payload: { type: 'ACCEPT' } },
          now,
        });
        snapshot = next.snapshot;
      }
      return { id, code, secret, snapshot, version };
    }
  }

  /** Load (and lock, see dossierLock.ts) what is needed to apply an event, in the transaction. */
  private async load(trx: Transaction<Database>, dossierId: string) {
    const row = await readLockedDossier(trx, this.deps.dialect, dossierId, 'nowait');
    if (!row) throw new AppError('not-found', `No dossier "${dossierId}"`);
    return this.loaded(row);
  }

  private async loaded(row: NonNullable<Awaited<ReturnType<typeof readLockedDossier>>>) {
    const procedure = await this.deps.registry.version(row.procedure_id, row.procedure_version);
    if (!procedure)
      throw new Error(`procedure ${row.procedure_id}@${row.procedure_version} is not registered`);
    return { row, procedure, snapshot: JSON.parse(row.snapshot) as DossierSnapshot };
  }

  /** Apply an officer's event to a dossier. */
  async apply(
    trx: Transaction<Database>,
    user: User,
    dossierId: string,
    input: EventInput,
    options: { readonly citizen?: boolean } = {},
  ): Promise<{
    snapshot: DossierSnapshot;
    version: number;
    procedure: Procedure;
    override: boolean;
  }> {
    {
      const { row, procedure, snapshot } = await this.load(trx, dossierId);
      await checkExpectedVersion(trx, dossierId, input.expectedVersion, row.version);
      const now = this.deps.now();
      const event = {
        type: input.type,
        ...(input.data ? { data: input.data } : {}),
        ...(input.documents ? { documents: input.documents } : {}),
        ...(input.note ? { note: input.note } : {}),
      };
      // Not accepted now: the engine's error names the state and the accepted events (409).
      const next = applyEvent(procedure, snapshot, event, new Date(now), {
        calendar: this.deps.calendar,
      });
      // The citizen online (code + secret) sends only the events of the steps where they act.
      const permission = options.citizen
        ? citizenPermission(procedure, snapshot, input.type)
        : permissionFor(user, procedure, snapshot, input.type, row.unit_id);
      if (!permission.allowed) {
        throw new AppError(
          'forbidden',
          `"${input.type}" at this step is for another unit or role`,
          { unit: user.unitId, roles: user.roles },
        );
      }
      const version = await persistTransition(trx, {
        procedure,
        dossierId,
        expectedVersion: row.version,
        before: snapshot,
        snapshot: next.snapshot,
        effects: next.effects,
        event: { type: input.type, actor: user.id, override: permission.override, payload: event },
        now,
      });
      await linkFiles(trx, this.deps.files, input.uploads, {
        dossierId,
        user,
        stage: input.type,
        stepId: Object.keys(snapshot.steps)[0] ?? null,
        documents: procedure.documents.map((d) => d.id),
        now,
      });
      return { snapshot: next.snapshot, version, procedure, override: permission.override };
    }
  }

  /**
   * Apply an event no officer sends: a payment provider's confirmation (#18). The caller has
   * authenticated the source; `actor` names it in the history (`provider:<name>`).
   */
  async applySystem(
    trx: Transaction<Database>,
    dossierId: string,
    event: { readonly type: string; readonly note?: string },
    actor: string,
  ): Promise<{ snapshot: DossierSnapshot; version: number }> {
    const { row, procedure, snapshot } = await this.load(trx, dossierId);
    const now = this.deps.now();
    const next = applyEvent(procedure, snapshot, event, new Date(now), {
      calendar: this.deps.calendar,
    });
    const version = await persistTransition(trx, {
      procedure,
      dossierId,
      expectedVersion: row.version,
      before: snapshot,
      snapshot: next.snapshot,
      effects: next.effects,
      event: { type: event.type, actor, override: false, payload: event },
      now,
    });
    return { snapshot: next.snapshot, version };
  }

  /**
   * Fire the timers that are due. The due list is read without locks; each dossier's timers are
   * then one write job (its own savepoint in the group commit), so a conflict on one dossier
   * never rolls back the timers of the others. Returns how many due timers were taken (fired or
   * found void): the scheduler loops while a full list was taken.
   */
  async fireDueTimers(limit = 50): Promise<number> {
    const now = this.deps.now();
    const due = await this.deps.db
      .selectFrom('timers')
      .select(['dossier_id', 'timer_key', 'event', 'due_at'])
      .where('status', '=', 'pending')
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .limit(limit)
      .execute();
    const byDossier = new Map<string, DueTimer[]>();
    for (const timer of due)
      byDossier.set(timer.dossier_id, [...(byDossier.get(timer.dossier_id) ?? []), timer]);
    const settled = await Promise.allSettled(
      [...byDossier].map(([dossierId, timers]) =>
        this.deps.writes.run((trx) => this.fireDossierTimers(trx, dossierId, timers, now)),
      ),
    );
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.reduce((n, s) => n + (s.status === 'fulfilled' ? s.value : 0), 0);
  }

  /**
   * Fire the due timers of one dossier: lock its row first (the locking order of every path,
   * see dossierLock.ts; a dossier another process is writing is left for the next tick), then
   * claim each timer (still pending and due: an event may have cancelled or moved it since the
   * list was read), apply it and persist, one event after the other.
   */
  private async fireDossierTimers(
    trx: Transaction<Database>,
    dossierId: string,
    timers: readonly DueTimer[],
    now: number,
  ): Promise<number> {
    const locked = await readLockedDossier(trx, this.deps.dialect, dossierId, 'skip-locked');
    if (!locked) return 0;
    const loaded = await this.loaded(locked);
    const procedure = loaded.procedure;
    let { snapshot } = loaded;
    let version = locked.version;
    let taken = 0;
    for (const timer of timers) {
      const claimed = await trx
        .updateTable('timers')
        .set({ status: 'fired', fired_at: now })
        .where('dossier_id', '=', timer.dossier_id)
        .where('timer_key', '=', timer.timer_key)
        .where('status', '=', 'pending')
        .where('due_at', '<=', now)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      taken++;
      if (snapshot.status === 'done') continue;
      const event = JSON.parse(timer.event) as { type: string };
      // The timer takes effect at its due instant, not when the scheduler noticed it: a step
      // whose time equals the delay is on time.
      const at = new Date(Math.min(Number(timer.due_at), now));
      let next;
      try {
        next = applyEvent(procedure, snapshot, event, at, {
          calendar: this.deps.calendar,
        });
      } catch (error) {
        // The state moved on without cancelling this timer: nothing to do, but say so.
        if (error instanceof EngineError) {
          await trx
            .updateTable('timers')
            .set({ status: 'void' })
            .where('dossier_id', '=', timer.dossier_id)
            .where('timer_key', '=', timer.timer_key)
            .execute();
          continue;
        }
        throw error;
      }
      version = await persistTransition(trx, {
        procedure,
        dossierId,
        expectedVersion: version,
        before: snapshot,
        snapshot: next.snapshot,
        effects: next.effects,
        event: {
          type: event.type,
          actor: 'system:timer',
          override: false,
          payload: { ...event, timer: timer.timer_key },
        },
        now,
      });
      snapshot = next.snapshot;
    }
    return taken;
  }

  /** The citizen's lookup: by code and receipt secret; wrong code and wrong secret look alike. */
  async lookup(code: string, secret: string) {
    const row = await this.deps.db
      .selectFrom('dossiers')
      .select(['id', 'secret_hash'])
      .where('code', '=', code)
      .executeTakeFirst();
    const expected = Buffer.from(row?.secret_hash ?? hashSecret('no such dossier'), 'hex');
    const actual = Buffer.from(hashSecret(secret.trim().toUpperCase()), 'hex');
    const match = timingSafeEqual(expected, actual);
    return row && match ? row.id : undefined;
  }
}
