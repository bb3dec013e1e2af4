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
} from '../../engine/index.ts';
import { AppError } from '../appError.ts';
import type { User } from '../auth/sessions.ts';
import { skipLocked, type DialectName } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import type { ProcedureRegistry } from '../library/procedureRegistry.ts';
import { nextDossierCode } from './dossierCode.ts';
import { validateFormData } from './formValidator.ts';
import { permissionFor } from './permissions.ts';
import { persistStart, persistTransition, snapshotColumns } from './persistTransition.ts';
import { preparedQuery } from './preparedQuery.ts';
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
}

/** An event sent to a dossier through the API. */
export interface EventInput {
  readonly type: string;
  readonly data?: Record<string, unknown>;
  readonly documents?: readonly string[];
  readonly note?: string;
  readonly expectedVersion?: number;
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
}

/** SHA-256 of a receipt secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A short secret printed on the receipt (no easily confused letters). */
function newSecret(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** What applying an event reads of a dossier (one statement on the hot path, compiled once). */
const readDossier = preparedQuery(['id'], (db, a: { id: string }) =>
  db
    .selectFrom('dossiers')
    .select(['id', 'procedure_id', 'procedure_version', 'snapshot', 'version', 'unit_id'])
    .where('id', '=', a.id),
);

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
  ): Promise<{
    id: string;
    code: string;
    secret: string;
    snapshot: DossierSnapshot;
    version: number;
  }> {
    const entry = this.deps.registry.get(input.procedureId);
    if (!entry)
      throw new AppError('not-found', `No procedure "${input.procedureId}"`, {
        field: 'procedureId',
      });
    const procedure = entry.procedure;
    const form = receptionForm(procedure);
    if (form) {
      const problems = validateFormData(procedure, form.id, input.data);
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
    if (!user.isAdmin && !(user.unitId === receivingUnit && user.roles.includes('reception'))) {
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

  /** Load what is needed to apply an event, inside the write transaction. */
  private async load(trx: Transaction<Database>, dossierId: string) {
    const [row] = (await readDossier(trx, { id: dossierId })).rows;
    if (!row) throw new AppError('not-found', `No dossier "${dossierId}"`);
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
  ): Promise<{
    snapshot: DossierSnapshot;
    version: number;
    procedure: Procedure;
    override: boolean;
  }> {
    {
      const { row, procedure, snapshot } = await this.load(trx, dossierId);
      if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
        throw new AppError(
          'version-conflict',
          `The dossier is at version ${row.version}, not ${input.expectedVersion}`,
          { expectedVersion: input.expectedVersion, version: row.version },
        );
      }
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
      const permission = permissionFor(user, procedure, snapshot, input.type, row.unit_id);
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
      return { snapshot: next.snapshot, version, procedure, override: permission.override };
    }
  }

  /**
   * Fire the timers that are due: each is claimed, applied and marked fired in one transaction
   * (on Postgres with FOR UPDATE SKIP LOCKED, so two servers never fire the same timer).
   */
  async fireDueTimers(limit = 50): Promise<number> {
    return this.deps.writes.run(async (trx) => {
      const now = this.deps.now();
      const due = await skipLocked(
        this.deps.dialect,
        trx
          .selectFrom('timers')
          .select(['dossier_id', 'timer_key', 'event', 'due_at'])
          .where('status', '=', 'pending')
          .where('due_at', '<=', now)
          .orderBy('due_at')
          .limit(limit),
      ).execute();
      let fired = 0;
      for (const timer of due) {
        const claimed = await trx
          .updateTable('timers')
          .set({ status: 'fired', fired_at: now })
          .where('dossier_id', '=', timer.dossier_id)
          .where('timer_key', '=', timer.timer_key)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) continue;
        const { row, procedure, snapshot } = await this.load(trx, timer.dossier_id);
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
        await persistTransition(trx, {
          procedure,
          dossierId: row.id,
          expectedVersion: row.version,
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
        fired++;
      }
      // How many due timers were taken (fired or found void): the scheduler loops while full.
      return Math.max(fired, due.length);
    });
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
