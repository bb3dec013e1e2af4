import type { Transaction } from 'kysely';
import type { DossierSnapshot, Procedure } from '../../engine/index.ts';
import type { User } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { storeDossierFile } from '../files/dossierFiles.ts';
import type { AppDeps } from '../http/context.ts';
import { renderResult } from './resultPdf.ts';
import { signPdf } from './signPdf.ts';

/** The document id of the result among the dossier's files. */
export const RESULT_DOCUMENT = 'result';

/** A file name from a title and a code: "trich-luc-khai-sinh-X01.01-260302-0001.pdf". */
export function pdfFileName(title: string, code: string): string {
  const slug = title
    .split('\n')[0]!
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}-${code.replace(/[^A-Za-z0-9.-]/g, '-')}.pdf`;
}

/**
 * When an event is the one the procedure's result template is signed on (its `signedOn`, e.g. the
 * chair's SIGN), render the result from the dossier, sign it with the signer's key (their own,
 * else their unit's; unsigned when neither is configured) at the server's time, and store it as
 * the dossier's result file — in the transaction of the event, so both commit or neither.
 */
export async function issueSignedResult(
  deps: AppDeps,
  trx: Transaction<Database>,
  user: User,
  dossierId: string,
  eventType: string,
  applied: { readonly procedure: Procedure; readonly snapshot: DossierSnapshot },
): Promise<{ id: string; sha256: string; signed: boolean } | undefined> {
  const template = applied.procedure.resultDocument;
  if (!template || template.signedOn !== eventType) return undefined;
  const row = await trx
    .selectFrom('dossiers')
    .select(['code', 'applicant_name', 'applicant_id_number', 'received_at'])
    .where('id', '=', dossierId)
    .executeTakeFirstOrThrow();
  const unit = await trx
    .selectFrom('units')
    .select('name_vi')
    .where('id', '=', user.unitId)
    .executeTakeFirst();
  const unitName = unit?.name_vi ?? user.unitId;
  const now = deps.now();
  const found = deps.signing.forUser(user);
  const doc = await renderResult(template, {
    procedure: applied.procedure,
    dossierCode: row.code,
    data: applied.snapshot.machine.context.data,
    applicant: { name: row.applicant_name, idNumber: row.applicant_id_number },
    receivedAt: row.received_at,
    signedAt: now,
    unitName,
    signerName: user.displayName,
    verifyUrl: `${deps.config.publicUrl}/xac-minh`,
  });
  let bytes: Uint8Array;
  if (found) {
    bytes = await signPdf(
      doc,
      found.signer,
      {
        name: found.name,
        reason: `${template.title.vi.split('\n')[0]} — hồ sơ ${row.code}`,
        location: unitName,
        contactInfo: deps.config.publicUrl,
      },
      new Date(now),
    );
  } else {
    console.warn(
      `motcua: no signing key for ${user.username} or unit ${user.unitId} in ${deps.signing.dir}; the result of ${row.code} is stored unsigned`,
    );
    bytes = await doc.save({ useObjectStreams: false });
  }
  if (!deps.files) return;
  const stored = await storeDossierFile(trx, deps.files, {
    dossierId,
    documentId: RESULT_DOCUMENT,
    title: template.title.vi.split('\n')[0]!,
    stepId: null,
    uploaderId: user.id,
    bytes,
    originalName: pdfFileName(template.title.vi, row.code),
    contentType: 'application/pdf',
  });
  return { ...stored, signed: !!found };
}
