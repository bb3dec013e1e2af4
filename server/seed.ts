import type { Kysely } from 'kysely';
import type { UnitCatalog } from '../engine/index.ts';
import { DESIGNER_ROLE, PUBLISHER_ROLE, SUPERVISOR_ROLE } from './auth/sessions.ts';
import { createUser } from './auth/users.ts';
import type { Database } from './db/schema.ts';

/** Password of every demo user (printed in the README; change it in production). */
export const DEMO_PASSWORD = 'motcua';

/** Copy the unit catalog into the database (insert new units, update changed names). */
export async function syncUnits(db: Kysely<Database>, catalog: UnitCatalog): Promise<void> {
  for (const u of catalog.units) {
    const row = {
      id: u.id,
      name_vi: u.name.vi,
      name_en: u.name.en ?? null,
      level: u.level,
      code: u.code ?? null,
      parent_id: u.parent ?? null,
    };
    await db
      .insertInto('units')
      .values(row)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          name_vi: row.name_vi,
          name_en: row.name_en,
          level: row.level,
          code: row.code,
          parent_id: row.parent_id,
        }),
      )
      .execute();
  }
}

export { createUser, type NewUser } from './auth/users.ts';

/**
 * Demo users when there are none: `admin` (administrator and designer) and, for every unit of
 * the catalog, a user named after the unit id holding the unit's officer roles. All share
 * `DEMO_PASSWORD`.
 */
export async function seedDemoUsers(
  db: Kysely<Database>,
  catalog: UnitCatalog,
  now: number,
): Promise<string[]> {
  const count = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(count.n) > 0) return [];
  const officerRoles = catalog.roles.filter((r) => !r.citizen).map((r) => r.id);
  const created: string[] = [];
  const first = catalog.units[0]!;
  await createUser(
    db,
    {
      username: 'admin',
      password: DEMO_PASSWORD,
      displayName: 'Quản trị hệ thống',
      unitId: first.id,
      roles: [DESIGNER_ROLE, ...officerRoles],
      isAdmin: true,
    },
    now,
  );
  created.push('admin');
  // A second person who approves and publishes what designers submit for review.
  await createUser(
    db,
    {
      username: 'pheduyet',
      password: DEMO_PASSWORD,
      displayName: 'Lãnh đạo phê duyệt thủ tục',
      unitId: first.id,
      roles: [PUBLISHER_ROLE],
    },
    now,
  );
  created.push('pheduyet');
  // The officers of a unit with units under it (a People's Committee, a department) supervise
  // them: they read their dossiers and statistics.
  const parents = new Set(catalog.units.map((u) => u.parent).filter((p) => p !== undefined));
  for (const unit of catalog.units) {
    if (unit.id === 'cong-dan') continue;
    await createUser(
      db,
      {
        username: unit.id,
        password: DEMO_PASSWORD,
        displayName: `Cán bộ ${unit.name.vi}`,
        unitId: unit.id,
        roles: parents.has(unit.id) ? [...officerRoles, SUPERVISOR_ROLE] : officerRoles,
      },
      now,
    );
    created.push(unit.id);
  }
  return created;
}
