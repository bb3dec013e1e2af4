import type { AppDeps } from '../http/context.ts';

/**
 * Record that a user read a dossier or one of its files.
 * Placeholder of #16 until the access log of #13 replaces it: records nothing yet.
 */
export async function recordAccess(
  deps: AppDeps,
  entry: {
    userId: string;
    dossierId: string;
    action: 'view' | 'print' | 'export' | 'file';
    detail?: string;
  },
): Promise<void> {
  void deps;
  void entry;
}
