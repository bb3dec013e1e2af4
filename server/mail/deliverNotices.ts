import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { NoticeSender } from './noticeSender.ts';

/** How long a claimed notice is left to its sender before another process may retry it. */
const LEASE_MS = 120_000;

/** The wait before attempt n+1 after n failures: 30 s, 1 min, 2 min, … at most 6 hours. */
export function backoffMs(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failures - 1), 6 * 3_600_000);
}

/** What one delivery round did. */
export interface DeliveryRound {
  readonly sent: number;
  readonly failed: number;
  readonly noAddress: number;
}

/** The applicant's e-mail and phone, as the desk entered them at reception. */
async function applicantContact(db: Kysely<Database>, dossierId: string) {
  const row = await db
    .selectFrom('dossier_events')
    .select('payload')
    .where('dossier_id', '=', dossierId)
    .where('type', '=', 'motcua.received')
    .executeTakeFirst();
  const applicant = row
    ? (JSON.parse(row.payload) as { applicant?: { email?: unknown; phone?: unknown } }).applicant
    : undefined;
  const email = typeof applicant?.email === 'string' ? applicant.email.trim() : '';
  const phone = typeof applicant?.phone === 'string' ? applicant.phone.trim() : '';
  return { email: email || undefined, phone: phone || undefined };
}

/**
 * Deliver the applicant notices of the outbox that are due: each is claimed (a lease, so two
 * servers do not send it at once), sent, then marked `sent_at` / `delivery`. A failure counts an
 * attempt and waits longer before the next (`backoffMs`); after `maxAttempts` the notice stays in
 * the outbox marked `failed` for an operator. A notice whose applicant left no contact for the
 * channel is marked `no-address`. Nothing is ever deleted.
 */
export async function deliverNotices(
  db: Kysely<Database>,
  sender: NoticeSender,
  options: { now: number; publicUrl: string; maxAttempts: number; limit?: number },
): Promise<DeliveryRound> {
  const { now } = options;
  const due = await db
    .selectFrom('outbox')
    .innerJoin('dossiers', 'dossiers.id', 'outbox.dossier_id')
    .select([
      'outbox.id',
      'outbox.dossier_id',
      'outbox.message',
      'outbox.attempts',
      'dossiers.code',
    ])
    .where('outbox.audience', '=', 'applicant')
    .where('outbox.sent_at', 'is', null)
    .where('outbox.delivery', 'is', null)
    .where((eb) =>
      eb.or([eb('outbox.next_attempt_at', 'is', null), eb('outbox.next_attempt_at', '<=', now)]),
    )
    .orderBy('outbox.created_at')
    .limit(options.limit ?? 50)
    .execute();
  let sent = 0;
  let failed = 0;
  let noAddress = 0;
  for (const notice of due) {
    const claimed = await db
      .updateTable('outbox')
      .set({ next_attempt_at: now + LEASE_MS })
      .where('id', '=', notice.id)
      .where('sent_at', 'is', null)
      .where('delivery', 'is', null)
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const contact = await applicantContact(db, notice.dossier_id);
    const to = sender.channel === 'email' ? contact.email : contact.phone;
    if (!to) {
      await db
        .updateTable('outbox')
        .set({ delivery: 'no-address' })
        .where('id', '=', notice.id)
        .execute();
      noAddress++;
      continue;
    }
    const message = JSON.parse(notice.message) as { vi: string; en?: string };
    const lookup = `${options.publicUrl}/tra-cuu?code=${encodeURIComponent(notice.code)}`;
    try {
      await sender.send({
        to,
        subject: `Hồ sơ ${notice.code}: ${message.vi}`.slice(0, 200),
        text: [
          message.vi,
          '',
          `Mã hồ sơ: ${notice.code}`,
          `Tra cứu tình trạng hồ sơ (cần mã bí mật trên giấy tiếp nhận): ${lookup}`,
          ...(message.en ? ['', message.en] : []),
        ].join('\n'),
      });
      await db
        .updateTable('outbox')
        .set({ sent_at: now, delivery: sender.channel, last_error: null })
        .where('id', '=', notice.id)
        .execute();
      sent++;
    } catch (error) {
      const attempts = Number(notice.attempts) + 1;
      await db
        .updateTable('outbox')
        .set({
          attempts,
          last_error: String((error as Error).message ?? error).slice(0, 500),
          next_attempt_at: now + backoffMs(attempts),
          ...(attempts >= options.maxAttempts ? { delivery: 'failed' } : {}),
        })
        .where('id', '=', notice.id)
        .execute();
      failed++;
    }
  }
  return { sent, failed, noAddress };
}

/** Deliver every interval until stopped (one round at a time). */
export function startNoticeDelivery(
  db: Kysely<Database>,
  sender: NoticeSender,
  options: { now: () => number; publicUrl: string; maxAttempts: number; intervalMs: number },
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = deliverNotices(db, sender, { ...options, now: options.now() })
      .catch(onError)
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      sender.close();
    },
  };
}
