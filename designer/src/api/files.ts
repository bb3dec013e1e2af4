import type { z } from '@hono/zod-openapi';
import type {
  DigitisationReport as DigitisationReportSchema,
  DossierFiles as DossierFilesSchema,
  ReusableFiles as ReusableFilesSchema,
} from '../../../server/http/routes/files.ts';
import { ApiError, call, SESSION_ENDED } from './client.ts';

// The answers' shapes are the server's own schemas (type-only: nothing of the server is bundled).
/** A dossier's files against its checklist. */
export type DossierFiles = z.infer<typeof DossierFilesSchema>;
/** A file of a dossier, as the server lists it. */
export type DossierFile = DossierFiles['other'][number];
/** A file of the citizen's other dossiers, to attach again without a new scan. */
export type ReusableFile = z.infer<typeof ReusableFilesSchema>['items'][number];
/** The digitisation report of a period. */
export type DigitisationReport = z.infer<typeof DigitisationReportSchema>;
/** One row of the digitisation report. */
export type DigitisationRow = DigitisationReport['total'];

/** An upload waiting for the event that links it. */
export interface PendingUpload {
  readonly id: string;
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly name: string;
  readonly expiresAt: string;
}

/** What an event carries to attach a file (the server's `uploads` items). */
export interface FileLink {
  readonly uploadId?: string;
  readonly reuseFileId?: string;
  readonly document: string;
  readonly title?: string;
}

/** Send a file's bytes; the server judges the type from the content (415 when not allowed). */
async function upload(file: Blob, name: string): Promise<PendingUpload> {
  let response: Response;
  try {
    response = await fetch(`/api/uploads?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/octet-stream' },
      body: file,
    });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  const parsed = (await response.json().catch(() => undefined)) as
    PendingUpload | { error?: { code?: string; message?: string; details?: unknown } } | undefined;
  if (!response.ok) {
    if (response.status === 401) dispatchEvent(new Event(SESSION_ENDED));
    const err = (parsed as { error?: { code?: string; message?: string; details?: unknown } })
      ?.error;
    throw new ApiError(
      response.status,
      err?.code ?? `http-${response.status}`,
      err?.message ?? response.statusText,
      err?.details,
    );
  }
  return parsed as PendingUpload;
}

/** The dossier files' view of the server API. */
export const filesApi = {
  upload,
  list: (dossierId: string) =>
    call<DossierFiles>('GET', `/api/dossiers/${encodeURIComponent(dossierId)}/files`),
  reusable: (citizen: string) =>
    call<{ items: ReusableFile[] }>(
      'GET',
      `/api/files?citizen=${encodeURIComponent(citizen)}`,
    ).then((r) => r.items),
  digitisation: (from: string, to: string) =>
    call<DigitisationReport>('GET', `/api/reports/digitisation?from=${from}&to=${to}`),
};
