import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A signed-in officer, as the handlers see them. */
export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly unitId: string;
  readonly roles: readonly string[];
  readonly isAdmin: boolean;
}

/** The role that may save procedures in the designer (not a step role of the catalog). */
export const DESIGNER_ROLE = 'designer';

/**
 * The supervising role (lãnh đạo, giám sát): reads every dossier received or handled by the
 * units under the user's unit (its subtree in `units.json`), and their statistics.
 */
export const SUPERVISOR_ROLE = 'supervisor';

/** The role that approves and publishes reviewed procedure drafts (not a step role either). */
export const PUBLISHER_ROLE = 'publisher';

/** The app's own roles, beside the step roles of the catalog. */
export const APP_ROLES: readonly string[] = [DESIGNER_ROLE, SUPERVISOR_ROLE, PUBLISHER_ROLE];

/** The signed-in view of a `users` row. */
export function userFromRow(
  row: Pick<
    Database['users'],
    'id' | 'username' | 'display_name' | 'unit_id' | 'roles' | 'is_admin'
  >,
): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    unitId: row.unit_id,
    roles: JSON.parse(row.roles) as string[],
    isAdmin: row.is_admin === 1,
  };
}

/** SHA-256 of a token: only hashes are stored, so a database leak gives no usable session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Open a session; returns the bearer token (shown once) and its expiry. */
export async function createSession(
  db: Kysely<Database>,
  userId: string,
  now: number,
  ttlHours: number,
): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + ttlHours * 3_600_000;
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** The user of a live session and its expiry, or undefined for an unknown or expired token. */
export async function userForToken(
  db: Kysely<Database>,
  token: string,
  now: number,
): Promise<{ user: User; expiresAt: number } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.unit_id',
      'users.roles',
      'users.is_admin',
      'sessions.expires_at',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.expires_at <= now) return undefined;
  return { user: userFromRow(row), expiresAt: row.expires_at };
}

/** Close a session. */
export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}
