import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { AppError } from '../appError.ts';
import type { User } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { hashSecret, newSecret } from './dossierService.ts';

/**
 * Give a dossier a new receipt secret (cấp lại mã tra cứu) — the citizen lost the receipt, or a
 * retried reception reached a server without the key to unseal the first answer. The old secret
 * stops working at once. For reception officers of the receiving unit and administrators; the
 * change is in the audit log (never the secret).
 */
export async function reissueSecret(
  trx: Transaction<Database>,
  user: User,
  dossierId: string,
  now: number,
): Promise<{ code: string; secret: string }> {
  const row = await trx
    .selectFrom('dossiers')
    .select(['code', 'unit_id'])
    .where('id', '=', dossierId)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', `No dossier "${dossierId}"`);
  if (!user.isAdmin && !(user.unitId === row.unit_id && user.roles.includes('reception')))
    throw new AppError(
      'forbidden',
      'Only reception officers of the receiving unit reissue a receipt secret',
    );
  const secret = newSecret();
  await trx
    .updateTable('dossiers')
    .set({ secret_hash: hashSecret(secret) })
    .where('id', '=', dossierId)
    .execute();
  await trx
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: now,
      actor: user.id,
      action: 'dossier.secret-reissued',
      target: dossierId,
      details: JSON.stringify({ code: row.code }),
    })
    .execute();
  return { code: row.code, secret };
}
