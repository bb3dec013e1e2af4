import type { LocalizedText, Procedure } from '../../../engine/index.ts';
import { ApiError, call } from './client.ts';
import type { PendingUpload } from './files.ts';

/** A line of the public catalog. */
export interface CatalogItem {
  readonly id: string;
  readonly code: string | null;
  readonly name: LocalizedText;
  readonly field: string;
  readonly level: string;
  readonly agency: LocalizedText | null;
  readonly deadline: Procedure['deadline'];
  readonly onlineService: Procedure['onlineService'];
  readonly feeVnd: number;
}

/** A page of the catalog, searched on the server. */
export interface CatalogPage {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly items: readonly CatalogItem[];
  readonly fields: readonly string[];
}

/** How the result reaches the citizen. */
export type ResultDelivery = 'electronic' | 'desk' | 'post';

/** One procedure as published (the public sheet). */
export interface PublicProcedure {
  readonly id: string;
  readonly version: string;
  readonly code: string | null;
  readonly name: LocalizedText;
  readonly field: string;
  readonly level: string;
  readonly agency: LocalizedText | null;
  readonly legalBasis: Procedure['legalBasis'];
  readonly deadline: Procedure['deadline'];
  readonly fees: Procedure['fees'];
  readonly documents: Procedure['documents'];
  readonly forms: readonly { id: string; title: LocalizedText }[];
  readonly form: Procedure['forms'][number] | null;
  readonly onlineService: Procedure['onlineService'];
  readonly result: LocalizedText | null;
  readonly resultDelivery: readonly ResultDelivery[];
  readonly submitTo: { id: string; name: LocalizedText | null } | null;
}

/** What an online submission answers: the code and the secret, shown once. */
export interface Submitted {
  readonly code: string;
  readonly secret: string;
  readonly receivedAt: string;
  readonly receipt: string;
}

/** The citizen's dossier page. */
export interface OnlineDossier {
  readonly code: string;
  readonly procedure: { id: string; name: LocalizedText; code: string | null };
  readonly channel: string;
  readonly status: 'active' | 'done';
  readonly statusText: LocalizedText;
  readonly waitingAcceptance: boolean;
  readonly currentSteps: readonly LocalizedText[];
  readonly receivedAt: string;
  readonly acceptedAt: string | null;
  readonly appointmentDate: string | null;
  readonly completedAt: string | null;
  readonly outcome: string | null;
  readonly unit: { id: string; name: LocalizedText | null };
  readonly answers: readonly {
    kind: string;
    title: LocalizedText;
    issuedAt: string;
    reason: string | null;
  }[];
  readonly supplement: {
    events: readonly { type: string; name: LocalizedText }[];
    reason: string | null;
    form: Procedure['forms'][number] | null;
    data: Record<string, unknown>;
    documents: readonly {
      id: string;
      name: LocalizedText;
      kind: string;
      required: boolean;
      present: boolean;
    }[];
  } | null;
  readonly result: {
    delivery: readonly ResultDelivery[];
    issued: boolean;
    electronic: boolean;
    name: LocalizedText | null;
  };
}

/** An upload of the citizen's page, with the page's key. */
export interface UploadLink {
  readonly uploadId: string;
  readonly document: string;
}

/** A random key tying this page's uploads to its submission (no account). */
export function newUploadKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function upload(file: Blob, name: string, key: string): Promise<PendingUpload> {
  let response: Response;
  try {
    response = await fetch(`/api/public/uploads?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/octet-stream',
        'x-upload-key': key,
      },
      body: file,
    });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  const parsed = (await response.json().catch(() => undefined)) as
    PendingUpload | { error?: { code?: string; message?: string; details?: unknown } } | undefined;
  if (!response.ok) {
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

/** The address of a citizen's PDF (the secret travels in the query, as for the lookup). */
export function citizenPdfUrl(code: string, kind: string, secret: string): string {
  return `/api/public/dossiers/${encodeURIComponent(code)}/pdf/${kind}?secret=${encodeURIComponent(secret)}`;
}

/** The citizen's view of the server API (no sign-in). */
export const citizenApi = {
  catalog: (q: { q?: string; field?: string; page: number; pageSize: number }) => {
    const params = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize) });
    if (q.q) params.set('q', q.q);
    if (q.field) params.set('field', q.field);
    return call<CatalogPage>('GET', `/api/public/catalog?${params}`);
  },
  procedure: (id: string) =>
    call<PublicProcedure>('GET', `/api/public/catalog/${encodeURIComponent(id)}`),
  challenge: () =>
    call<{ algorithm: string; challenge: string; salt: string; signature: string }>(
      'GET',
      '/api/public/challenge',
    ),
  upload,
  submit: (body: {
    procedureId: string;
    applicant: { name: string; phone: string; email: string; idNumber?: string; address?: string };
    data: Record<string, unknown>;
    uploads: readonly UploadLink[];
    uploadKey: string;
    altcha: string;
  }) => call<Submitted>('POST', '/api/public/submissions', body),
  dossier: (code: string, secret: string, altcha?: string) =>
    call<OnlineDossier>(
      'GET',
      `/api/public/dossiers/${encodeURIComponent(code)}/online?secret=${encodeURIComponent(secret)}${altcha ? `&altcha=${encodeURIComponent(altcha)}` : ''}`,
    ),
  supplement: (
    code: string,
    body: {
      secret: string;
      data?: Record<string, unknown>;
      uploads: readonly UploadLink[];
      uploadKey: string;
      note?: string;
    },
  ) =>
    call<OnlineDossier>(
      'POST',
      `/api/public/dossiers/${encodeURIComponent(code)}/supplement`,
      body,
    ),
};
