import {
  acceptedEvents,
  eventOffers,
  isApplicantEvent,
  type DossierSnapshot,
  type Procedure,
} from '../../engine/index.ts';
import type { User } from '../auth/sessions.ts';

/** Whether a user may send an event, and whether only as an admin override. */
export type Permission =
  { readonly allowed: true; readonly override: boolean } | { readonly allowed: false };

/**
 * An event on a step is accepted from a user of that step's unit with its role. Events of steps
 * where the citizen acts (role `applicant`), and the applicant's own events (a withdrawal) at any
 * step, are entered by a reception officer of the unit that received the dossier. Admins may do anything; their override is logged.
 */
export function permissionFor(
  user: User,
  procedure: Procedure,
  snapshot: DossierSnapshot,
  eventType: string,
  receivingUnit: string,
): Permission {
  // Every branch of a parallel step that takes the event offers it to its own unit and role.
  const candidates = eventOffers(procedure, snapshot).filter((e) => e.type === eventType);
  const desk = user.unitId === receivingUnit && user.roles.includes('reception');
  const ok =
    (candidates.length > 0 && desk && isApplicantEvent(procedure, eventType)) ||
    candidates.some((c) =>
      c.role === 'applicant'
        ? desk
        : c.unit === user.unitId && c.role !== undefined && user.roles.includes(c.role),
    );
  if (ok) return { allowed: true, override: false };
  if (user.isAdmin) return { allowed: true, override: true };
  return { allowed: false };
}

/**
 * Whether the citizen themself (online, with code + secret) may send an event: only an event a
 * step where the citizen acts (role `applicant`, e.g. the supplement) offers now.
 */
export function citizenPermission(
  procedure: Procedure,
  snapshot: DossierSnapshot,
  eventType: string,
): Permission {
  const ok = eventOffers(procedure, snapshot).some(
    (e) => e.type === eventType && e.role === 'applicant',
  );
  return ok ? { allowed: true, override: false } : { allowed: false };
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
