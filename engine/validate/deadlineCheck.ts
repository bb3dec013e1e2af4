import { formatNumber } from '../format/numbers.ts';
import type { Procedure } from '../format/procedureSchema.ts';
import { workingTimeToHours, type LocalizedText, type WorkingTime } from '../format/primitives.ts';
import type { Guard } from '../registry/guards.ts';
import { doneEdges, exitEdges, stepHours } from './machineAnalysis.ts';
import {
  isTopLevelFinal,
  type GraphEdge,
  type GraphNode,
  type MachineGraph,
} from './machineGraph.ts';
import { problem, type Problem } from './problem.ts';

/** What validation assumes about the reception data in one deadline case. */
interface Assumption {
  readonly guard: Guard;
  readonly holds: boolean;
}

/** One legal time to check: the procedure's deadline, or a variant with what selects it. */
interface DeadlineCase {
  readonly name: LocalizedText | undefined;
  readonly deadline: WorkingTime;
  readonly pointer: string;
  readonly assumptions: readonly Assumption[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the assumptions say of a guard: true, false, or unknown. Only what follows plainly is
 * decided: the same guard (or its negation) as a variant's, all/any/not of such, and `field eq`
 * against an assumed `field eq`/`in` on the same form field.
 */
export function guardStatus(guard: Guard, assumptions: readonly Assumption[]): boolean | undefined {
  for (const a of assumptions) if (same(a.guard, guard)) return a.holds;
  switch (guard.type) {
    case 'not': {
      const inner = guardStatus(guard.params.guard, assumptions);
      return inner === undefined ? undefined : !inner;
    }
    case 'all': {
      const parts = guard.params.guards.map((g) => guardStatus(g, assumptions));
      if (parts.includes(false)) return false;
      return parts.every((x) => x === true) ? true : undefined;
    }
    case 'any': {
      const parts = guard.params.guards.map((g) => guardStatus(g, assumptions));
      if (parts.includes(true)) return true;
      return parts.every((x) => x === false) ? false : undefined;
    }
    case 'field': {
      const { field, op, value, source } = guard.params;
      if (source === 'event' || (op !== 'eq' && op !== 'ne')) return undefined;
      for (const a of assumptions) {
        if (!a.holds || a.guard.type !== 'field') continue;
        const k = a.guard.params;
        if (k.field !== field || k.source === 'event') continue;
        const known =
          k.op === 'eq'
            ? same(k.value, value)
            : k.op === 'in' && Array.isArray(k.value) && !k.value.some((v) => same(v, value))
              ? false
              : undefined;
        if (known !== undefined) return op === 'eq' ? known : !known;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The longest path of one case: hours against the clock (lawful extensions deducted). */
interface Longest {
  readonly hours: number;
  readonly path: readonly GraphNode[];
  /** The clock started somewhere on the path (a `startClock` action). */
  readonly starts: boolean;
}

const NONE: Longest = { hours: -Infinity, path: [], starts: false };
const ZERO: Longest = { hours: 0, path: [], starts: false };

/**
 * The longest path of a deadline case from the initial state to a final state, in working hours
 * against the legal clock: steps before the clock starts (`startClock`) do not count, edges whose
 * guard the case rules out are not taken, and a lawful extension on an edge gives its time back.
 * Loops are cut at the first repeat; a parallel group lasts as long as its longest region.
 */
export function deadlinePath(
  graph: MachineGraph,
  p: Procedure,
  assumptions: readonly Assumption[],
  hoursPerDay = 8,
  fromClockStart = true,
): Longest {
  const usesStart = fromClockStart && JSON.stringify(p.machine).includes('"startClock"');
  const memo = new Map<string, Longest>();
  const visiting = new Set<string>();
  const best = (options: readonly Longest[]) =>
    options.reduce((a, b) => (b.hours > a.hours ? b : a), NONE);
  const credit = (e: GraphEdge) =>
    (e.transition.actions ?? []).reduce((sum, a) => {
      if (a.type !== 'extendLegalDeadline' || !a.params) return sum;
      const ext = p.lawfulExtensions?.[a.params.extension];
      return ext ? sum + workingTimeToHours(ext.by, hoursPerDay) : sum;
    }, 0);
  const startsOn = (e: GraphEdge) =>
    (e.transition.actions ?? []).some((a) => a.type === 'startClock') ||
    e.targets.some((t) => (t.config.entry ?? []).some((a) => a.type === 'startClock'));

  const viaEdges = (
    edges: readonly GraphEdge[],
    stopAt: GraphNode | undefined,
    started: boolean,
  ): Longest =>
    best(
      edges
        .filter((e) => e.targets.length > 0)
        .filter(
          (e) => !e.transition.guard || guardStatus(e.transition.guard, assumptions) !== false,
        )
        .map((e) => {
          const on = started || startsOn(e);
          const next = best(e.targets.map((t) => cost(t, stopAt, on)));
          if (next.hours === -Infinity) return NONE;
          const back = on ? credit(e) : 0;
          return { ...next, hours: next.hours - back, starts: next.starts || on !== started };
        }),
    );

  const cost = (t: GraphNode, stopAt: GraphNode | undefined, started: boolean): Longest => {
    if (t.kind === 'atomic' || t.kind === 'final') return longest(t, stopAt, started);
    if (t.kind === 'compound') {
      const initial = t.children.find((c) => c.key === t.config.initial);
      return initial ? cost(initial, stopAt, started) : NONE;
    }
    const regions = t.children.map((r) => cost(r, t, started));
    if (regions.some((r) => r.hours === -Infinity)) return NONE;
    const inside = best(regions);
    const on = started || regions.some((r) => r.starts);
    const after = (graph.edgesFrom.get(t) ?? []).filter((e) => e.kind === 'onDone');
    const next = after.length === 0 ? ZERO : viaEdges(after, stopAt, on);
    if (next.hours === -Infinity) return NONE;
    return {
      hours: inside.hours + next.hours,
      path: [...inside.path, ...next.path],
      starts: on !== started || next.starts,
    };
  };

  const longest = (s: GraphNode, stopAt: GraphNode | undefined, started: boolean): Longest => {
    if (s.kind === 'final') {
      if (isTopLevelFinal(s)) return ZERO;
      const group = s.parent;
      if (group?.parent === stopAt || group === stopAt) return ZERO;
      return viaEdges(doneEdges(graph, s), stopAt, started);
    }
    const key = `${s.id}|${stopAt?.id ?? ''}|${started}`;
    const cached = memo.get(key);
    if (cached) return cached;
    if (visiting.has(key)) return NONE;
    visiting.add(key);
    const own = started ? stepHours(s, hoursPerDay) : 0;
    const edges = exitEdges(graph, s).filter(
      (e) => !stopAt || e.source === stopAt || isInside(e.source, stopAt),
    );
    const next = viaEdges(edges, stopAt, started);
    visiting.delete(key);
    const result: Longest =
      next.hours === -Infinity
        ? NONE
        : { hours: own + next.hours, path: [s, ...next.path], starts: next.starts };
    memo.set(key, result);
    return result;
  };

  const result = cost(graph.root, undefined, !usesStart);
  return result.hours === -Infinity ? ZERO : result;
}

function isInside(node: GraphNode, group: GraphNode): boolean {
  for (let n: GraphNode | undefined = node; n; n = n.parent) if (n === group) return true;
  return false;
}

/** The cases to check: the procedure's deadline when no variant applies, then each variant. */
function deadlineCases(p: Procedure): DeadlineCase[] {
  const variants = p.deadlineVariants ?? [];
  const none = variants.map((v) => ({ guard: v.guard, holds: false }));
  return [
    { name: undefined, deadline: p.deadline, pointer: '/deadline', assumptions: none },
    ...variants.map((v, i) => ({
      name: v.name,
      deadline: v.deadline,
      pointer: `/deadlineVariants/${i}/deadline`,
      // The first variant whose guard holds wins: the earlier ones do not hold.
      assumptions: [...none.slice(0, i), { guard: v.guard, holds: true }],
    })),
  ];
}

/**
 * Check step durations against each legal time along the paths that can take it: the procedure's
 * `deadline` and every deadline variant, with lawful extensions met on the way. Messages name the
 * case and the path (`tiepNhan → thamDinh → xacMinh → kyDuyet`).
 */
export function checkDeadlines(
  graph: MachineGraph,
  p: Procedure,
  legalHours: (deadline: WorkingTime) => number,
  hoursPerDay: number | undefined,
  out: Problem[],
): void {
  const extensionIds = new Set(Object.keys(p.lawfulExtensions ?? {}));
  for (const edge of graph.edges) {
    (edge.transition.actions ?? []).forEach((a, i) => {
      if (a.type !== 'extendLegalDeadline' || !a.params) return;
      if (!extensionIds.has(a.params.extension)) {
        out.push(
          problem('unknown-extension', `${edge.pointer}/actions/${i}/params/extension`, {
            vi: `Gia hạn theo luật định "${a.params.extension}" chưa khai báo trong "lawfulExtensions"`,
            en: `Lawful extension "${a.params.extension}" is not declared in "lawfulExtensions"`,
          }),
        );
      }
    });
  }
  const seen = new Set<string>();
  (p.deadlineVariants ?? []).forEach((v, i) => {
    if (seen.has(v.id)) {
      out.push(
        problem('duplicate-id', `/deadlineVariants/${i}/id`, {
          vi: `Mã trường hợp thời hạn "${v.id}" bị trùng`,
          en: `Deadline variant id "${v.id}" is used twice`,
        }),
      );
    }
    seen.add(v.id);
  });
  for (const c of deadlineCases(p)) {
    const legal = legalHours(c.deadline);
    const longest = deadlinePath(graph, p, c.assumptions, hoursPerDay);
    const cp = longest.hours;
    const route = longest.path.map((n) => n.key).join(' → ');
    const which = c.name
      ? { vi: `Trường hợp "${c.name.vi}": `, en: `Variant "${c.name.en ?? c.name.vi}": ` }
      : { vi: '', en: '' };
    if (cp > legal + 1e-6) {
      out.push(
        problem('deadline-exceeded', c.pointer, {
          vi: `${which.vi}Tổng thời hạn các bước trên đường dài nhất (${formatNumber(cp, 'vi')} giờ làm việc: ${route}) vượt thời hạn pháp định (${formatNumber(legal, 'vi')} giờ)`,
          en: `${which.en}The longest path of step durations (${formatNumber(cp, 'en')} working hours: ${route}) exceeds the legal deadline (${formatNumber(legal, 'en')} hours)`,
        }),
      );
    } else {
      // Slack is reported only if it remains when the steps before the clock starts count too:
      // the desk's time before acceptance is the agency's time all the same.
      const all = deadlinePath(graph, p, c.assumptions, hoursPerDay, false);
      if (all.hours >= legal - 1e-6) continue;
      const path = all.path.map((n) => n.key).join(' → ');
      out.push(
        problem(
          'deadline-unallocated',
          c.pointer,
          {
            vi: `${which.vi}Còn ${formatNumber(legal - all.hours, 'vi')} giờ làm việc của thời hạn pháp định chưa phân bổ cho bước nào (đường dài nhất: ${path})`,
            en: `${which.en}${formatNumber(legal - all.hours, 'en')} working hours of the legal deadline are not allocated to any step (longest path: ${path})`,
          },
          'warning',
        ),
      );
    }
  }
}
