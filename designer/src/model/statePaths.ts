import type { MachineConfig, Procedure, StateNodeConfig } from '../../../engine/index.ts';
import { foldDiacritics } from '../../../engine/index.ts';

/**
 * State paths: a step is named by the keys from the root to it, joined by dots (`thamTra`,
 * `lienThong.thue.tinhThue`); the root is the empty path. Keys cannot contain dots (the format
 * restricts them to identifiers), so the joined form is unambiguous.
 */

/** Split a path key into its segments (`''` is the root). */
export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** Join segments into a path key. */
export function joinPath(segments: readonly string[]): string {
  return segments.join('.');
}

/** The parent path of a path (`''` for a top-level step). */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('.');
  return i < 0 ? '' : path.slice(0, i);
}

/** The last key of a path. */
export function lastKey(path: string): string {
  const i = path.lastIndexOf('.');
  return i < 0 ? path : path.slice(i + 1);
}

/** Whether `path` is `ancestor` or lies inside it. */
export function isWithin(path: string, ancestor: string): boolean {
  return ancestor === '' || path === ancestor || path.startsWith(`${ancestor}.`);
}

/** The root of a machine seen as a state node. */
export function rootNode(machine: MachineConfig): StateNodeConfig {
  return {
    initial: machine.initial,
    states: machine.states,
    ...(machine.on ? { on: machine.on } : {}),
  };
}

/** The state node at a path, or undefined. The root path gives the machine as a node. */
export function getState(machine: MachineConfig, path: string): StateNodeConfig | undefined {
  let node: StateNodeConfig | undefined = rootNode(machine);
  for (const key of splitPath(path)) {
    node = node?.states?.[key];
    if (!node) return undefined;
  }
  return node;
}

/** Replace a node immutably, keeping the key order of its siblings. */
function replaceIn(
  node: StateNodeConfig,
  segments: readonly string[],
  update: (n: StateNodeConfig) => StateNodeConfig,
): StateNodeConfig {
  if (segments.length === 0) return update(node);
  const [key, ...rest] = segments as [string, ...string[]];
  const child = node.states?.[key];
  if (!child) return node;
  const next = replaceIn(child, rest, update);
  if (next === child) return node;
  return { ...node, states: { ...node.states, [key]: next } };
}

/**
 * A procedure with the state node at `path` replaced by `update(node)`. The root path updates the
 * machine's own `initial`, `states` and `on`. Returns the same procedure when the path is absent
 * or nothing changed.
 */
export function updateState(
  procedure: Procedure,
  path: string,
  update: (node: StateNodeConfig) => StateNodeConfig,
): Procedure {
  const machine = procedure.machine;
  const root = rootNode(machine);
  const next = replaceIn(root, splitPath(path), update);
  if (next === root) return procedure;
  const { id, description } = machine;
  const rebuilt: MachineConfig = {
    id,
    initial: next.initial ?? machine.initial,
    ...(description !== undefined ? { description } : {}),
    ...(next.on && Object.keys(next.on).length > 0 ? { on: next.on } : {}),
    states: next.states ?? {},
  };
  return { ...procedure, machine: rebuilt };
}

/** A copy of an object without the keys whose value is `undefined`. */
export function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Every state path of a machine in document order (depth first), without the root. */
export function allPaths(machine: MachineConfig): string[] {
  const out: string[] = [];
  const visit = (node: StateNodeConfig, prefix: string) => {
    for (const [key, child] of Object.entries(node.states ?? {})) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      out.push(path);
      visit(child, path);
    }
  };
  visit(rootNode(machine), '');
  return out;
}

/** The XState id of the state at a path: its explicit `id`, else `<machine id>.<path>`. */
export function stateId(machine: MachineConfig, path: string): string {
  const explicit = getState(machine, path)?.id;
  return explicit ?? (path === '' ? machine.id : `${machine.id}.${path}`);
}

export { foldDiacritics };

/** A camelCase identifier from a Vietnamese name: "Thẩm định hồ sơ" → "thamDinhHoSo". */
export function keyFromName(name: string, fallback = 'buoc'): string {
  const words = foldDiacritics(name)
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5);
  if (words.length === 0) return fallback;
  const key = words
    .map((w, i) =>
      i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(),
    )
    .join('');
  return /^[A-Za-z_]/.test(key) ? key : `${fallback}${key}`;
}

/** A slug from a Vietnamese name: "Đăng ký khai sinh" → "dang-ky-khai-sinh". */
export function slugFromName(name: string): string {
  return foldDiacritics(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** `base`, or `base2`, `base3`… whichever is not taken. */
export function uniqueKey(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}
