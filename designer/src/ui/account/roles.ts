import type { LocalizedText, UnitCatalog } from '../../../../engine/index.ts';
import type { Strings } from '../../i18n/strings.ts';

type T = (text: LocalizedText | undefined, fallback?: string) => string;

/** The roles the app itself knows beside the catalog's: design, publish, supervise. */
const APP_ROLES = ['designer', 'publisher', 'supervisor'] as const;

/**
 * The name of a role (vai trò): the catalog's officer roles, the designer role of the app, and
 * the id itself for a role neither knows.
 */
export function roleLabel(catalog: UnitCatalog, id: string, t: T, s: Strings): string {
  const role = catalog.roles.find((r) => r.id === id);
  if (role) return t(role.name, id);
  const own: Record<(typeof APP_ROLES)[number], string> = {
    designer: s.roleDesigner,
    publisher: s.rolePublisher,
    supervisor: s.roleSupervisor,
  };
  return (own as Record<string, string>)[id] ?? id;
}

/**
 * The roles an administrator may tick: the catalog's officer roles (never a citizen's), the
 * designer role, then any other role the account already holds, so that editing it does not drop
 * that role unseen.
 */
export function roleChoices(catalog: UnitCatalog, held: readonly string[]): string[] {
  const offered = [...catalog.roles.filter((r) => !r.citizen).map((r) => r.id), ...APP_ROLES];
  return [...offered, ...held.filter((id) => !offered.includes(id))];
}
