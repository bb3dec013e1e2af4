import type { AppDeps } from '../http/context.ts';

/** A read of personal data worth logging. */
export interface AccessRecord {
  readonly userId: string;
  readonly dossierId: string;
  readonly action: 'print' | 'file';
  readonly detail?: string;
}

/** Log an access to a dossier (placeholder of issue 17: the lead's version replaces it). */
export async function recordAccess(deps: AppDeps, record: AccessRecord): Promise<void> {
  void deps;
  void record;
}
