import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../appError.ts';
import type { User } from '../../auth/sessions.ts';
import { evictUser, requireUser, tokenOf } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { idempotencyOf, idempotent } from '../idempotency.ts';
import { AccountAnswer, AccountSchema, errors, IdempotencyHeader, Ok } from '../schemas.ts';

const Username = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, '3–50 lowercase letters, digits, ".", "_" or "-"')
  .openapi({ example: 'can-bo-tu-phap' });
const DisplayName = z.string().trim().min(1).max(200);
const UnitId = z.string().min(1).max(100);
const Roles = z.array(z.string().min(1).max(100)).max(20);
// Length rules (and "not the username") are checked by the service, with the field's path.
const Password = z.string().min(1).max(200);

const NewUserBody = z
  .object({
    username: Username,
    displayName: DisplayName,
    unitId: UnitId,
    roles: Roles,
    isAdmin: z.boolean().optional(),
    password: Password,
  })
  .strict()
  .openapi('NewUser');

const UserChangeBody = z
  .object({
    displayName: DisplayName.optional(),
    unitId: UnitId.optional(),
    roles: Roles.optional(),
    isAdmin: z.boolean().optional(),
    disabled: z.boolean().optional(),
    password: Password.optional(),
  })
  .strict()
  .openapi('UserChange');

const PasswordBody = z
  .object({ currentPassword: Password, newPassword: Password })
  .strict()
  .openapi('PasswordChange');

const UserIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const UserList = z.object({ users: z.array(AccountSchema).readonly() }).openapi('UserList');

function requireAdmin(c: Context<AppEnv>): User {
  const user = requireUser(c);
  if (!user.isAdmin) throw new AppError('forbidden', 'Only an administrator manages accounts');
  return user;
}

/** Accounts: a user's own password; the administrator's list, create, change, lock. */
export function registerUserRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'changePassword',
      path: '/api/auth/password',
      tags: ['Auth'],
      summary: 'Change my password (my other sessions end; this one stays)',
      request: {
        body: { content: { 'application/json': { schema: PasswordBody } }, required: true },
      },
      responses: {
        200: { description: 'Changed', content: { 'application/json': { schema: Ok } } },
        ...errors(400, 401, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      const change = await deps.users.prepareOwnPassword(
        user.id,
        currentPassword,
        newPassword,
        tokenOf(c),
      );
      await deps.writes.run((trx) => change.write(trx, deps.now()));
      evictUser(user.id);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listUsers',
      path: '/api/users',
      tags: ['Users'],
      summary: 'Every account, by username (administrators)',
      responses: {
        200: {
          description: 'The accounts',
          content: { 'application/json': { schema: UserList } },
        },
        ...errors(401, 403),
      },
    }),
    async (c) => {
      requireAdmin(c);
      return c.json({ users: await deps.users.list() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'createUser',
      path: '/api/users',
      tags: ['Users'],
      summary: 'Create an account (administrators)',
      request: {
        body: { content: { 'application/json': { schema: NewUserBody } }, required: true },
        headers: IdempotencyHeader,
      },
      responses: {
        201: {
          description: 'The new account',
          content: { 'application/json': { schema: AccountAnswer } },
        },
        ...errors(400, 401, 403, 409, 422),
      },
    }),
    async (c) => {
      const admin = requireAdmin(c);
      const body = c.req.valid('json');
      const idem = idempotencyOf(c, admin.id, body);
      const create = await deps.users.prepareCreate(admin.id, body);
      const answer = await idempotent(deps, idem, async (trx) => ({
        status: 201,
        body: { user: await create.write(trx, deps.now()) },
      }));
      return c.json(answer.body as z.infer<typeof AccountAnswer>, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      operationId: 'updateUser',
      path: '/api/users/{id}',
      tags: ['Users'],
      summary:
        'Change an account: name, unit, roles, administrator, lock, password reset (administrators)',
      request: {
        params: UserIdParam,
        body: { content: { 'application/json': { schema: UserChangeBody } }, required: true },
        headers: IdempotencyHeader,
      },
      responses: {
        200: {
          description: 'The changed account',
          content: { 'application/json': { schema: AccountAnswer } },
        },
        ...errors(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const admin = requireAdmin(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const idem = idempotencyOf(c, admin.id, body);
      const update = await deps.users.prepareUpdate(admin.id, id, body);
      const answer = await idempotent(deps, idem, async (trx) => ({
        status: 200,
        body: { user: await update.write(trx, deps.now()) },
      }));
      evictUser(id);
      return c.json(answer.body as z.infer<typeof AccountAnswer>, 200);
    },
  );
}
