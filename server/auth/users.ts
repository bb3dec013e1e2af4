import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { UnitCatalog } from '../../engine/index.ts';
import { AppError } from '../appError.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { DESIGNER_ROLE, hashToken, PUBLISHER_ROLE, userFromRow, type User } from './sessions.ts';

/** A user to create. */
export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly unitId: string;
  readonly roles: readonly string[];
  readonly isAdmin?: boolean;
}

/** What an administrator may change of an account; `password` resets it. */
export interface UserChange {
  readonly displayName?: string;
  readonly unitId?: string;
  readonly roles?: readonly string[];
  readonly isAdmin?: boolean;
  readonly disabled?: boolean;
  readonly password?: string;
}

/** An account as the administration pages see it (never its password hash). */
export interface Account extends User {
  readonly disabled: boolean;
  readonly createdAt: string;
}

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 8;

type Db = Kysely<Database> | Transaction<Database>;
type UserRow = Database['users'];

function account(row: UserRow): Account {
  return {
    ...userFromRow(row),
    disabled: row.disabled_at !== null,
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}

type Problem = { path: string; message: { vi: string; en: string } };

/** A 422 naming the request fields that are wrong, in Vietnamese and English. */
function invalid(problems: Problem[]): AppError {
  return new AppError('validation', problems.map((p) => `${p.path}: ${p.message.en}`).join('; '), {
    problems,
  });
}

/**
 * The unit and roles of an account must exist in the catalog (roles of officers, not citizens),
 * besides the app's own designer role.
 */
function checkPlacement(
  catalog: UnitCatalog,
  change: { unitId?: string; roles?: readonly string[] },
): void {
  const problems: Problem[] = [];
  if (change.unitId !== undefined && !catalog.units.some((u) => u.id === change.unitId)) {
    problems.push({
      path: '/unitId',
      message: {
        vi: `Không có đơn vị "${change.unitId}" trong danh mục`,
        en: `No unit "${change.unitId}" in the catalog`,
      },
    });
  }
  change.roles?.forEach((role, i) => {
    if (role === DESIGNER_ROLE || role === PUBLISHER_ROLE) return;
    const known = catalog.roles.find((r) => r.id === role);
    if (!known) {
      problems.push({
        path: `/roles/${i}`,
        message: { vi: `Không có vai trò "${role}"`, en: `No role "${role}"` },
      });
    } else if (known.citizen) {
      problems.push({
        path: `/roles/${i}`,
        message: {
          vi: `"${role}" là vai trò của công dân, không của cán bộ`,
          en: `"${role}" is a citizen's role`,
        },
      });
    }
  });
  if (problems.length > 0) throw invalid(problems);
}

/** A new password must be long enough and not the username. */
function checkPassword(password: string, username: string, path: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalid([
      {
        path,
        message: {
          vi: `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`,
          en: `At least ${MIN_PASSWORD_LENGTH} characters`,
        },
      },
    ]);
  }
  if (username !== '' && password.toLowerCase() === username.toLowerCase()) {
    throw invalid([
      {
        path,
        message: {
          vi: 'Mật khẩu không được trùng tên đăng nhập',
          en: 'Must not be the username',
        },
      },
    ]);
  }
}

/** Record an administration step (what changed, never a password) in the audit log. */
async function audit(
  db: Db,
  actor: string,
  action: string,
  target: string,
  details: Record<string, unknown>,
  now: number,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ id: randomUUID(), at: now, actor, action, target, details: JSON.stringify(details) })
    .execute();
}

/** Sign a user out everywhere, or everywhere but the session of `keepToken`. */
async function endSessions(db: Db, userId: string, keepToken?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepToken !== undefined) q = q.where('token_hash', '!=', hashToken(keepToken));
  await q.execute();
}

/** Insert an account whose password is already hashed; returns the id. */
async function insertUser(db: Db, user: NewUser, passwordHash: string, now: number) {
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({
      id,
      username: user.username,
      password_hash: passwordHash,
      display_name: user.displayName,
      unit_id: user.unitId,
      roles: JSON.stringify(user.roles),
      is_admin: user.isAdmin ? 1 : 0,
      created_at: now,
      disabled_at: null,
      notices_seen_at: null,
    })
    .execute();
  return id;
}

/** Create a user with a hashed password; returns the id (demo users, tests). */
export async function createUser(db: Db, user: NewUser, now: number): Promise<string> {
  return insertUser(db, user, await hashPassword(user.password), now);
}

async function readUser(db: Db, id: string): Promise<UserRow> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not-found', `No user "${id}"`);
  return row;
}

/**
 * User administration: accounts, their unit and roles, locks and password resets. Checks and
 * password hashing (tens of milliseconds of scrypt) happen before the write; the write runs in
 * the caller's transaction (the write queue, with the request's Idempotency-Key).
 */
export class UserAdmin {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly catalog: () => UnitCatalog,
  ) {}

  /** Every account, by username. */
  async list(): Promise<Account[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(account);
  }

  /** Check a new account and hash its password; `write` stores it in a transaction. */
  async prepareCreate(actor: string, user: NewUser) {
    checkPlacement(this.catalog(), user);
    checkPassword(user.password, user.username, '/password');
    const hash = await hashPassword(user.password);
    return {
      write: async (trx: Db, now: number): Promise<Account> => {
        const taken = await trx
          .selectFrom('users')
          .select('id')
          .where('username', '=', user.username)
          .executeTakeFirst();
        if (taken) throw usernameTaken(user.username);
        let id: string;
        try {
          id = await insertUser(trx, user, hash, now);
        } catch (error) {
          // Another server took the name between the check and the insert.
          if (isUniqueViolation(error)) throw usernameTaken(user.username);
          throw error;
        }
        await audit(trx, actor, 'user.create', id, placementOf(user), now);
        return account(await readUser(trx, id));
      },
    };
  }

  /**
   * Check a change of an account (and hash a new password); `write` applies it. A password
   * reset or a lock signs the user out everywhere; a change that would leave no active
   * administrator is refused (who could then undo it?).
   */
  async prepareUpdate(actor: string, id: string, change: UserChange) {
    checkPlacement(this.catalog(), change);
    if (change.password !== undefined) checkPassword(change.password, '', '/password');
    const hash = change.password === undefined ? undefined : await hashPassword(change.password);
    return {
      write: async (trx: Db, now: number): Promise<Account> => {
        const before = await readUser(trx, id);
        if (change.password !== undefined) {
          checkPassword(change.password, before.username, '/password');
        }
        const disabledAt =
          change.disabled === undefined
            ? before.disabled_at
            : change.disabled
              ? (before.disabled_at ?? now)
              : null;
        const isAdmin = change.isAdmin === undefined ? before.is_admin : change.isAdmin ? 1 : 0;
        const wasActiveAdmin = before.is_admin === 1 && before.disabled_at === null;
        if (wasActiveAdmin && (isAdmin === 0 || disabledAt !== null)) {
          const other = await trx
            .selectFrom('users')
            .select('id')
            .where('is_admin', '=', 1)
            .where('disabled_at', 'is', null)
            .where('id', '!=', id)
            .executeTakeFirst();
          if (!other) {
            throw new AppError(
              'last-admin',
              'This is the last active administrator: make another one first',
            );
          }
        }
        await trx
          .updateTable('users')
          .set({
            ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
            ...(change.unitId !== undefined ? { unit_id: change.unitId } : {}),
            ...(change.roles !== undefined ? { roles: JSON.stringify(change.roles) } : {}),
            ...(hash !== undefined ? { password_hash: hash } : {}),
            is_admin: isAdmin,
            disabled_at: disabledAt,
          })
          .where('id', '=', id)
          .execute();
        if (hash !== undefined || (disabledAt !== null && before.disabled_at === null)) {
          await endSessions(trx, id);
        }
        const details = {
          ...placementOf(change),
          ...(hash !== undefined ? { passwordReset: true } : {}),
        };
        await audit(trx, actor, 'user.update', id, details, now);
        return account(await readUser(trx, id));
      },
    };
  }

  /**
   * A user changes their own password: the current one must be right; every other session of
   * theirs ends (a stolen session does not survive the change), the one in use stays.
   */
  async prepareOwnPassword(
    userId: string,
    current: string,
    next: string,
    keepToken: string | undefined,
  ) {
    const row = await readUser(this.db, userId);
    if (!(await verifyPassword(current, row.password_hash))) {
      throw invalid([
        {
          path: '/currentPassword',
          message: { vi: 'Mật khẩu hiện tại không đúng', en: 'Not your current password' },
        },
      ]);
    }
    checkPassword(next, row.username, '/newPassword');
    if (next === current) {
      throw invalid([
        {
          path: '/newPassword',
          message: {
            vi: 'Mật khẩu mới phải khác mật khẩu hiện tại',
            en: 'The same as the current password',
          },
        },
      ]);
    }
    const hash = await hashPassword(next);
    return {
      write: async (trx: Db, now: number): Promise<void> => {
        await trx
          .updateTable('users')
          .set({ password_hash: hash })
          .where('id', '=', userId)
          .execute();
        await endSessions(trx, userId, keepToken);
        await audit(trx, userId, 'user.password', userId, {}, now);
      },
    };
  }
}

function usernameTaken(username: string): AppError {
  return new AppError('username-taken', `The username "${username}" is taken`, {
    problems: [
      {
        path: '/username',
        message: { vi: 'Tên đăng nhập này đã được sử dụng', en: 'This username is taken' },
      },
    ],
  });
}

/** The audited part of a change: everything but the password. */
function placementOf(change: Omit<UserChange, 'password'> & { username?: string }) {
  const { username, displayName, unitId, roles, isAdmin, disabled } = change;
  return Object.fromEntries(
    Object.entries({ username, displayName, unitId, roles, isAdmin, disabled }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}
