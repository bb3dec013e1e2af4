import { acceptedEvents, type DossierSnapshot, type Procedure } from '../../engine/index.ts';
import type { User } from '../auth/sessions.ts';

/** Whether a user may send an event, and whether only as an admin override. */
export type Permission =
  { readonly allowed: true; readonly override: boolean } | { readonly allowed: false };

/**
 * An event on a step is accepted from a user of that step's unit with its role. Events of steps
 * where the citizen acts (role `applicant`) are entered by a reception officer of the unit that
 * received the dossier. Admins may do anything; their override is logged.
 */
export function permissionFor(
  user: User,
  procedure: Procedure,
  snapshot: DossierSnapshot,
  eventType: string,
  receivingUnit: string,
): Permission {
  const candidates = acceptedEvents(procedure, snapshot).filter((e) => e.type === eventType);
  const ok = candidates.some((c) =>
    c.role === 'applicant'
      ? user.unitId === receivingUnit && user.roles.includes('reception')
      : c.unit === user.unitId && c.role !== undefined && user.roles.includes(c.role),
  );
  if (ok) return { allowed: true, override: false };
  if (user.isAdmin) return { allowed: true, override: true };
  return { allowed: false };
}

/** The events this user may send now, for the dossier page's buttons. */
export function eventsForUser(
  user: User,
  procedure: Procedure,
  snapshot: DossierSnapshot,
  receivingUnit: string,
) {
  return acceptedEvents(procedure, snapshot).filter(
    (e) => permissionFor(user, procedure, snapshot, e.type, receivingUnit).allowed,
  );
}
