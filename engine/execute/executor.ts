import type { AnyMachineSnapshot } from 'xstate';
import {
  addCalendarDays,
  addWorkingTime,
  nextWorkingInstant,
  classifyTimeliness,
  createCalendar,
  type Timeliness,
  type WorkingCalendar,
} from '../calendar/index.ts';
import {
  compileProcedure,
  type CompiledProcedure,
  type DossierContext,
  type DossierEvent,
} from '../compile/compileProcedure.ts';
import { EngineError } from '../errors.ts';
import type {
  Channel,
  LocalizedText,
  Outcome,
  PauseReason,
  WorkingTime,
} from '../format/primitives.ts';
import type { DeadlineVariant, Procedure } from '../format/procedureSchema.ts';
import { localDateOf } from '../calendar/localDate.ts';
import type { SlipKind } from '../registry/actions.ts';
import { isStandardEvent, standardEvents } from '../registry/events.ts';
import { evaluateGuard } from '../registry/guards.ts';
import { describeGuard } from '../registry/describeGuard.ts';
import { exitEdges } from '../validate/machineAnalysis.ts';
import type { GraphNode, MachineGraph } from '../validate/machineGraph.ts';
import {
  stepOverdueTimer,
  WARNING_EVENTS,
  type ActiveStep,
  type DossierSnapshot,
  type Effect,
  type Transition,
} from './dossierSnapshot.ts';
import {
  extendDeadline,
  extendLegally,
  NOT_STARTED,
  pauseClock,
  resumeClock,
  startClock,
  stopClock,
  currentPauseReason,
  type ClockRules,
} from './legalClock.ts';
import { pauseStatusText } from './pauseReasons.ts';
import { activeLeaves, MachineStepper, persist, type ExecutableAction } from './machineRuntime.ts';
import { parseIso, toIso } from './instant.ts';
import { vietnamDate } from '../format/dateLimits.ts';
import { checkEventData, checkReason, eventScope } from './eventData.ts';

/** Options of the executor: the working calendar (default: rules only, no official schedule). */
export interface ExecutorOptions {
  readonly calendar?: WorkingCalendar;
  /** Working hours before the appointment date at which "due soon" warnings fire (default 8). */
  readonly dueSoonHours?: number;
}

/** What the applicant brings when a dossier is received. */
export interface DossierInput {
  readonly data?: Record<string, unknown>;
  readonly documents?: readonly string[];
  readonly channel?: Channel;
}

/** A procedure prepared for execution, cached per procedure object. */
interface Prepared {
  readonly compiled: CompiledProcedure;
  readonly stepper: MachineStepper;
  readonly startsOnAcceptance: boolean;
  readonly leavesByValue: Map<string, GraphNode[]>;
  /** Events each leaf accepts (its own and its ancestors' `on` transitions). */
  readonly accepts: Map<GraphNode, ReadonlySet<string>>;
}

const prepared = new WeakMap<Procedure, Prepared>();
const live = new WeakMap<object, AnyMachineSnapshot>();
let defaultCalendar: WorkingCalendar | undefined;

function prepare(procedure: Procedure): Prepared {
  let p = prepared.get(procedure);
  if (!p) {
    const compiled = compileProcedure(procedure);
    const text = JSON.stringify(procedure.machine);
    p = {
      compiled,
      stepper: new MachineStepper(compiled.machine),
      startsOnAcceptance: text.includes('"startClock"'),
      leavesByValue: new Map(),
      accepts: new Map(
        compiled.graph.nodes.map((n) => [
          n,
          new Set(exitEdges(compiled.graph, n).flatMap((e) => (e.kind === 'on' ? [e.event] : []))),
        ]),
      ),
    };
    prepared.set(procedure, p);
  }
  return p;
}

/**
 * The statechart graph of a procedure (steps, their meta, transitions), built once per procedure
 * object and shared with the executor: callers listing many dossiers need not rebuild it.
 */
export function procedureGraph(procedure: Procedure): MachineGraph {
  return prepare(procedure).compiled.graph;
}

function leaves(p: Prepared, value: unknown): GraphNode[] {
  const key = typeof value === 'string' ? value : JSON.stringify(value);
  let found = p.leavesByValue.get(key);
  if (!found) {
    found = activeLeaves(p.compiled.graph, value);
    if (p.leavesByValue.size < 10_000) p.leavesByValue.set(key, found);
  }
  return found;
}

function rulesFor(
  procedure: Procedure,
  options: ExecutorOptions,
  clock?: DossierSnapshot['clock'],
): ClockRules {
  const variant = clock?.variant
    ? procedure.deadlineVariants?.find((v) => v.id === clock.variant)
    : undefined;
  return {
    calendar: options.calendar ?? (defaultCalendar ??= createCalendar()),
    legal: variant?.deadline ?? procedure.deadline,
    policy: procedure.supplementPolicy ?? 'resume',
    dueSoonHours: options.dueSoonHours ?? 8,
  };
}

/** The events a dossier in this snapshot can take now, with the steps that take them. */
export function acceptedEvents(
  procedure: Procedure,
  snapshot: DossierSnapshot,
): { type: string; name: LocalizedText; step: string; unit?: string; role?: string }[] {
  if (snapshot.status === 'done') return [];
  const p = prepare(procedure);
  const out = new Map<
    string,
    { type: string; name: LocalizedText; step: string; unit?: string; role?: string }
  >();
  for (const leaf of leaves(p, snapshot.machine.value)) {
    for (const edge of exitEdges(p.compiled.graph, leaf)) {
      if (edge.kind !== 'on' || out.has(edge.event)) continue;
      const meta = leaf.config.meta;
      out.set(edge.event, {
        type: edge.event,
        name: eventName(procedure, edge.event),
        step: leaf.id,
        ...(meta?.unit ? { unit: meta.unit } : {}),
        ...(meta?.role ? { role: meta.role } : {}),
      });
    }
  }
  return [...out.values()];
}

/**
 * Every (event, step) pair a dossier can take now: in a parallel step an event defined in several
 * branches is offered to each branch's unit and role (`acceptedEvents` lists each event once).
 */
export function eventOffers(
  procedure: Procedure,
  snapshot: DossierSnapshot,
): { type: string; step: string; unit?: string; role?: string }[] {
  if (snapshot.status === 'done') return [];
  const p = prepare(procedure);
  const out: { type: string; step: string; unit?: string; role?: string }[] = [];
  for (const leaf of leaves(p, snapshot.machine.value)) {
    const meta = leaf.config.meta;
    for (const edge of exitEdges(p.compiled.graph, leaf)) {
      if (edge.kind !== 'on') continue;
      out.push({
        type: edge.event,
        step: leaf.id,
        ...(meta?.unit ? { unit: meta.unit } : {}),
        ...(meta?.role ? { role: meta.role } : {}),
      });
    }
  }
  return out;
}

/** Events the applicant sends (entered at the desk of the receiving unit, at any step). */
export function isApplicantEvent(procedure: Procedure, type: string): boolean {
  return procedure.events?.[type]?.applicant ?? type === 'WITHDRAW';
}

/** The Vietnamese/English name of an event of a procedure. */
export function eventName(procedure: Procedure, type: string): LocalizedText {
  if (isStandardEvent(type)) return standardEvents[type];
  if (type.startsWith('xstate.after.')) return delayedTransitionName(procedure, type);
  return procedure.events?.[type]?.name ?? { vi: type, en: type };
}

/**
 * The name of a delayed transition from its XState event (`xstate.after.<delay>.<state id>`):
 * the transition's `name`, else "Hết thời gian <delay>".
 */
function delayedTransitionName(procedure: Procedure, type: string): LocalizedText {
  const rest = type.slice('xstate.after.'.length);
  const dot = rest.indexOf('.');
  const delay = dot < 0 ? rest : rest.slice(0, dot);
  const stateId = dot < 0 ? '' : rest.slice(dot + 1);
  const graph = prepare(procedure).compiled.graph;
  const edge = graph.edges.find(
    (e) => e.kind === 'after' && e.event === delay && e.source.id === stateId && e.transition.name,
  );
  return (
    edge?.transition.name ?? { vi: `Hết thời gian chờ "${delay}"`, en: `Delay "${delay}" elapsed` }
  );
}

const iso = toIso;

/**
 * The deadline variant that applies to a dossier with this data: the first whose guard holds
 * on the reception data (thời hạn theo trường hợp), or none (the procedure's `deadline`).
 */
export function chooseDeadlineVariant(
  procedure: Procedure,
  context: DossierContext,
): DeadlineVariant | undefined {
  return procedure.deadlineVariants?.find((v) =>
    evaluateGuard(v.guard, {
      data: context.data,
      documents: context.documents,
      channel: context.channel,
      eventData: undefined,
      receivedOn: context.receivedOn,
    }),
  );
}

/** Due instants of steps made in this process, so the next event need not parse them back. */
const stepDueMs = new WeakMap<ActiveStep, number>();
const dueMsOf = (step: ActiveStep) =>
  stepDueMs.get(step) ?? (step.due === undefined ? undefined : parseIso(step.due));

/** A step given no time at all (`{ "workingHours": 0 }`, e.g. a routing desk step): no due. */
const noTime = (d: WorkingTime) => 'workingHours' in d && d.workingHours === 0;

/**
 * When a step is due: its working time from entry; "within the day" (`{ "workingDays": 0 }`) is
 * closing time of the working day it starts in, not the instant it is entered.
 */
function stepDue(rules: ClockRules, now: Date, duration: WorkingTime): Date {
  if ('workingDays' in duration && duration.workingDays === 0) {
    return addCalendarDays(rules.calendar, nextWorkingInstant(rules.calendar, now), 0);
  }
  return addWorkingTime(rules.calendar, now, duration);
}

function enterSteps(
  entered: readonly GraphNode[],
  rules: ClockRules,
  now: Date,
  steps: Record<string, ActiveStep>,
  effects: Effect[],
): void {
  for (const node of entered) {
    if (node.kind === 'final') continue;
    const meta = node.config.meta;
    if (meta?.duration && meta.clock !== 'paused' && !meta.pause && !noTime(meta.duration)) {
      const due = stepDue(rules, now, meta.duration as WorkingTime);
      const step = { enteredAt: iso(now), due: iso(due) };
      stepDueMs.set(step, due.getTime());
      steps[node.id] = step;
      effects.push({
        kind: 'schedule-timer',
        id: stepOverdueTimer(node.id),
        at: iso(due),
        event: { type: WARNING_EVENTS.stepOverdue, data: { step: node.id } },
      });
    } else if (meta?.clock === 'paused' || meta?.pause) {
      steps[node.id] = meta.pause
        ? { enteredAt: iso(now), waiting: true, pause: meta.pause }
        : { enteredAt: iso(now), waiting: true };
    } else {
      steps[node.id] = { enteredAt: iso(now) };
    }
  }
}

/** What the actions of one transition run against. */
interface Interpretation {
  readonly actions: readonly ExecutableAction[];
  /** The legal clock before the actions. */
  readonly clock: DossierSnapshot['clock'];
  readonly rules: ClockRules;
  readonly event: DossierEvent | undefined;
  readonly now: Date;
  /** The step the transition leaves (the source of notices). */
  readonly step: string | undefined;
  readonly procedure: Procedure;
  readonly context: DossierContext;
  /** Where the actions' effects are written. */
  readonly effects: Effect[];
}

/** Run the actions of a transition: effects written, the legal clock after them returned. */
function interpret(run: Interpretation): DossierSnapshot['clock'] {
  const { actions, rules, event, now, step, procedure, context, effects } = run;
  let clock = run.clock;
  const delays = procedure.delays;
  for (const action of actions) {
    const params = (action.params ?? {}) as Record<string, unknown>;
    switch (action.type) {
      case 'notifyUnit':
        effects.push({
          kind: 'notify',
          audience: 'unit',
          message: params.message as LocalizedText,
          unit: params.unit as string,
          ...(params.role ? { role: params.role as string } : {}),
          ...(step ? { step } : {}),
        });
        break;
      case 'startClock':
        clock = startClock(clock, rules, now, effects, chooseDeadlineVariant(procedure, context));
        break;
      case 'extendLegalDeadline': {
        const id = params.extension as string;
        const declared = procedure.lawfulExtensions?.[id];
        if (!declared) {
          throw new EngineError('unknown-extension', `No lawful extension "${id}" is declared`, {
            extension: id,
            message: {
              vi: `Thủ tục không khai báo gia hạn theo luật định "${id}"`,
              en: `The procedure declares no lawful extension "${id}"`,
            },
          });
        }
        const before = clock.due;
        clock = extendLegally(clock, rules, now, effects, { id, by: declared.by });
        if (clock.due !== before)
          reappoint(effects, step, clock.due!, {
            vi: `Gia hạn theo luật định: ${declared.name.vi}`,
            en: `Lawful extension: ${declared.name.en ?? declared.name.vi}`,
          });
        break;
      }
      case 'pauseClock':
        clock = pauseClock(clock, now, effects, params.reason as PauseReason | undefined);
        break;
      case 'resumeClock': {
        const before = clock;
        clock = resumeClock(
          clock,
          rules,
          now,
          effects,
          params.policy as 'resume' | 'restart' | undefined,
        );
        if (clock.due !== before.due && before.status === 'paused') {
          const reason = currentPauseReason(before);
          reappoint(effects, step, clock.due!, {
            vi: `Thời gian ${pauseStatusText[reason].vi.toLowerCase()} không tính vào thời hạn giải quyết`,
            en: `Time ${pauseStatusText[reason].en.toLowerCase()} does not count against the deadline`,
          });
        }
        break;
      }
      case 'extendDeadline': {
        const requested = event?.data?.newAppointment;
        clock = extendDeadline(clock, rules, now, effects, {
          ...(typeof requested === 'string' ? { newDue: requested } : {}),
          ...(params.by ? { by: params.by as WorkingTime } : {}),
        });
        break;
      }
      case 'issueSlip':
        effects.push({
          kind: 'issue-slip',
          slip: params.slip as SlipKind,
          ...(step ? { step } : {}),
          ...(clock.due ? { due: clock.due } : {}),
          ...(event?.note?.trim() ? { reason: event.note.trim() } : {}),
        });
        break;
      case 'notifyApplicant':
        effects.push({
          kind: 'notify',
          audience: 'applicant',
          message: params.message as LocalizedText,
        });
        break;
      case 'xstate.raise': {
        const p = params as { id?: string; delay?: number; event?: { type: string } };
        if (p.delay === undefined || !p.event) break;
        // XState names the event `xstate.after.<delay>.<state id>`; the delay is in working time.
        const name = p.event.type.startsWith('xstate.after.')
          ? p.event.type.slice(13).split('.')[0]!
          : '';
        const time = delays?.[name];
        const at = !time
          ? new Date(now.getTime() + p.delay)
          : 'calendarDays' in time
            ? addCalendarDays(rules.calendar, now, time.calendarDays)
            : addWorkingTime(rules.calendar, now, time);
        effects.push({
          kind: 'schedule-timer',
          id: p.id ?? p.event.type,
          at: iso(at),
          event: { type: p.event.type },
        });
        break;
      }
      case 'xstate.cancel':
        effects.push({ kind: 'cancel-timer', id: String((params as { sendId?: unknown }).sendId) });
        break;
      default:
        break;
    }
  }
  return clock;
}

/**
 * A new appointment slip (phiếu hẹn trả kết quả mới) when the appointment moves after a pause or
 * a lawful extension; its reason says why (in Vietnamese, as printed).
 */
function reappoint(effects: Effect[], step: string | undefined, due: string, why: LocalizedText) {
  effects.push({
    kind: 'issue-slip',
    slip: 'reappointment',
    ...(step ? { step } : {}),
    due,
    reason: why.vi,
  });
}

/** The fields of a snapshot that an event does not change but carries forward. */
interface SnapshotHead {
  readonly procedureId: string;
  readonly channel: Channel;
  readonly receivedAt: string;
  readonly clock: DossierSnapshot['clock'];
  readonly sequence: number;
}

/** One transition to settle into a snapshot and its effects. */
interface Settling {
  readonly procedure: Procedure;
  readonly rules: ClockRules;
  readonly prepared: Prepared;
  /** The leaf states before the transition (none at reception). */
  readonly before: readonly GraphNode[];
  readonly prev: DossierSnapshot | undefined;
  /** The machine's snapshot after the transition. */
  readonly next: AnyMachineSnapshot;
  readonly actions: readonly ExecutableAction[];
  readonly event: DossierEvent | undefined;
  readonly now: Date;
  readonly head: SnapshotHead;
}

/** The snapshot after a transition: steps left and entered, actions run, timers (re)scheduled. */
function settle(transition: Settling): Transition {
  const {
    procedure,
    rules,
    prepared: p,
    before,
    prev,
    next,
    actions,
    event,
    now,
    head,
  } = transition;
  const effects: Effect[] = [];
  const after = leaves(p, next.value);
  const same = after === before;
  const exited = same ? [] : before.filter((n) => !after.includes(n));
  const entered = same ? [] : after.filter((n) => !before.includes(n));
  const prevSteps = prev?.steps ?? {};
  for (const node of exited) {
    const info = prevSteps[node.id];
    if (info?.due) effects.push({ kind: 'cancel-timer', id: stepOverdueTimer(node.id) });
    if (info) {
      // Absent unit, role or due stay `undefined` and vanish in JSON; no spreads on this path.
      effects.push({
        kind: 'step-exited',
        step: node.id,
        unit: node.config.meta?.unit,
        role: node.config.meta?.role,
        enteredAt: info.enteredAt,
        exitedAt: iso(now),
        due: info.due,
        late: info.due !== undefined && now.getTime() > dueMsOf(info)!,
      });
    }
  }
  const source = before[0]?.id;
  let clock = interpret({
    actions,
    clock: head.clock,
    rules,
    event,
    now,
    step: source,
    procedure,
    context: next.context as DossierContext,
    effects,
  });
  const steps: Record<string, ActiveStep> = {};
  for (const node of after) {
    const kept = prevSteps[node.id];
    if (kept && !entered.includes(node)) steps[node.id] = kept;
  }
  enterSteps(entered, rules, now, steps, effects);
  for (const e of effects) {
    if (e.kind !== 'schedule-timer' || !e.event.type.startsWith('xstate.after.')) continue;
    const rest = e.event.type.slice('xstate.after.'.length);
    const id = rest.slice(rest.indexOf('.') + 1);
    const step = steps[id];
    if (step && (step.timerAt === undefined || e.at < step.timerAt))
      steps[id] = { ...step, timerAt: e.at };
  }
  const done = next.status === 'done';
  // A dossier finishing in this very event needs no new appointment.
  if (done) {
    for (let i = effects.length - 1; i >= 0; i--) {
      const e = effects[i]!;
      if (e.kind === 'issue-slip' && e.slip === 'reappointment') effects.splice(i, 1);
    }
  }
  let outcome: Outcome | undefined;
  let timeliness: Timeliness | undefined;
  if (done) {
    clock = stopClock(clock, now, effects);
    const final = after.find((n) => n.kind === 'final');
    outcome = final?.config.meta?.outcome ?? (next.context as DossierContext).outcome ?? 'approved';
    if (clock.due !== undefined) {
      timeliness = classifyTimeliness(rules.calendar, {
        due: new Date(clock.due),
        ...(clock.originalDue ? { originalDue: new Date(clock.originalDue) } : {}),
        completedAt: now,
        now,
      });
    }
  }
  const machine = persist(next);
  live.set(machine, next);
  // One literal with a fixed shape: spreading varying objects here cost a third of an event.
  const snapshot: DossierSnapshot = {
    procedureId: head.procedureId,
    machine,
    status: done ? 'done' : 'active',
    channel: head.channel,
    receivedAt: head.receivedAt,
    clock,
    steps: done ? {} : steps,
    outcome: done ? outcome : prev?.outcome,
    completedAt: done ? iso(now) : undefined,
    timeliness,
    sequence: head.sequence,
  };
  return { snapshot, effects };
}

/**
 * Start a dossier (tiếp nhận hồ sơ): the initial snapshot and its effects. If the procedure never
 * starts the legal clock explicitly (`startClock`), it starts now.
 */
export function startDossier(
  procedure: Procedure,
  input: DossierInput,
  now: Date,
  options: ExecutorOptions = {},
): Transition {
  const p = prepare(procedure);
  const context: DossierContext = {
    data: input.data ?? {},
    documents: input.documents ?? [],
    channel: input.channel ?? 'desk',
    receivedOn: localDateOf(now),
  };
  const [initial, actions] = p.stepper.initial(context);
  const effects: Effect[] = [];
  const rules = rulesFor(procedure, options);
  const clock = p.startsOnAcceptance
    ? NOT_STARTED
    : startClock(NOT_STARTED, rules, now, effects, chooseDeadlineVariant(procedure, context));
  const result = settle({
    procedure,
    rules,
    prepared: p,
    before: [],
    prev: undefined,
    next: initial,
    actions,
    event: undefined,
    now,
    head: {
      procedureId: procedure.id,
      channel: context.channel,
      receivedAt: iso(now),
      clock,
      sequence: 0,
    },
  });
  return { snapshot: result.snapshot, effects: [...effects, ...result.effects] };
}

function restore(p: Prepared, snapshot: DossierSnapshot): AnyMachineSnapshot {
  const cached = live.get(snapshot.machine);
  if (cached) return cached;
  // Dossiers received before date guards existed lack the reception date in their context.
  const ctx = snapshot.machine.context;
  const machine = ctx.receivedOn
    ? snapshot.machine
    : {
        ...snapshot.machine,
        context: { ...ctx, receivedOn: localDateOf(new Date(snapshot.receivedAt)) },
      };
  const restored = p.stepper.restore(machine);
  live.set(snapshot.machine, restored);
  return restored;
}

function warning(p: Prepared, snapshot: DossierSnapshot, event: DossierEvent): Transition {
  const effects: Effect[] = [];
  const step = typeof event.data?.step === 'string' ? event.data.step : undefined;
  const node = step ? p.compiled.graph.byId.get(step) : undefined;
  const message =
    event.type === WARNING_EVENTS.stepOverdue
      ? {
          vi: `Bước "${node?.config.meta?.name?.vi ?? step}" đã quá hạn xử lý`,
          en: `Step "${node?.config.meta?.name?.en ?? step}" is overdue`,
        }
      : event.type === WARNING_EVENTS.dossierOverdue
        ? { vi: 'Hồ sơ đã quá hạn giải quyết', en: 'The dossier is overdue' }
        : { vi: 'Hồ sơ sắp đến hạn trả kết quả', en: 'The dossier is due soon' };
  const active = leaves(p, snapshot.machine.value).filter((n) => n.kind !== 'final');
  for (const n of node ? [node] : active) {
    effects.push({
      kind: 'notify',
      audience: 'unit',
      message,
      step: n.id,
      ...(n.config.meta?.unit ? { unit: n.config.meta.unit } : {}),
    });
  }
  return { snapshot: { ...snapshot, sequence: snapshot.sequence + 1 }, effects };
}

/** Whether a delayed event (`xstate.after.<delay>.<state id>`) belongs to an active state. */
function timerActive(p: Prepared, active: readonly GraphNode[], type: string): boolean {
  const rest = type.slice('xstate.after.'.length);
  const id = rest.slice(rest.indexOf('.') + 1);
  return active.some((leaf) => {
    for (let n: GraphNode | undefined = leaf; n; n = n.parent) if (n.id === id) return true;
    return false;
  });
}

/**
 * Apply an event to a dossier: the next snapshot and the effects to carry out (timers, slips,
 * notifications). Throws an `EngineError` when the dossier cannot take the event now: code
 * `event-not-accepted` (with the state and the events it accepts), `guard-rejected` or
 * `dossier-finished`.
 */
export function applyEvent(
  procedure: Procedure,
  snapshot: DossierSnapshot,
  event: DossierEvent,
  now: Date,
  options: ExecutorOptions = {},
): Transition {
  const p = prepare(procedure);
  if (snapshot.status === 'done') {
    throw new EngineError('dossier-finished', 'The dossier is finished and takes no more events', {
      outcome: snapshot.outcome,
      message: {
        vi: 'Hồ sơ đã kết thúc, không nhận thêm sự kiện',
        en: 'The dossier is finished and takes no more events',
      },
    });
  }
  const isWarning = event.type.startsWith('motcua.');
  if (isWarning) return warning(p, snapshot, event);
  const before = leaves(p, snapshot.machine.value);
  const isTimer = event.type.startsWith('xstate.after.');
  if (isTimer && !timerActive(p, before, event.type)) {
    throw new EngineError(
      'event-not-accepted',
      `Timer "${event.type}" belongs to a step that is not active in state ${JSON.stringify(snapshot.machine.value)}`,
      {
        state: snapshot.machine.value,
        accepted: acceptedEvents(procedure, snapshot).map((e) => e.type),
        message: {
          vi: `Hẹn giờ "${event.type}" thuộc một bước không còn hoạt động`,
          en: `Timer "${event.type}" belongs to a step that is not active`,
        },
      },
    );
  }
  if (!isTimer && !before.some((leaf) => p.accepts.get(leaf)?.has(event.type))) {
    const accepted = acceptedEvents(procedure, snapshot).map((e) => e.type);
    throw new EngineError(
      'event-not-accepted',
      `Event "${event.type}" is not accepted in state ${JSON.stringify(snapshot.machine.value)}; accepted: ${accepted.join(', ') || 'none'}`,
      {
        state: snapshot.machine.value,
        accepted,
        message: {
          vi: `Hồ sơ ở bước hiện tại không nhận "${eventName(procedure, event.type).vi}"; có thể: ${accepted.map((a) => eventName(procedure, a).vi).join(', ') || 'không có'}`,
          en: `The dossier cannot take "${event.type}" at this step; it accepts: ${accepted.join(', ') || 'none'}`,
        },
      },
    );
  }
  if (!isTimer) {
    const transitions = before
      .flatMap((leaf) => exitEdges(p.compiled.graph, leaf))
      .filter((e) => e.kind === 'on' && e.event === event.type)
      .map((e) => e.transition);
    checkReason(procedure, event);
    checkEventData(
      procedure,
      transitions,
      snapshot.machine.context,
      event,
      vietnamDate(now.getTime()),
    );
  }
  const current = restore(p, snapshot);
  const [next, actions] = p.stepper.step(current, event);
  if (next === current && actions.length === 0 && !isTimer) {
    const ctx = snapshot.machine.context;
    const scope = {
      data: ctx.data,
      documents: ctx.documents,
      channel: ctx.channel,
      eventData: eventScope(event),
      receivedOn: ctx.receivedOn ?? localDateOf(new Date(snapshot.receivedAt)),
    };
    const candidates = before
      .flatMap((leaf) => exitEdges(p.compiled.graph, leaf))
      .filter((e) => e.kind === 'on' && e.event === event.type);
    const enabled = candidates.some(
      (e) => !e.transition.guard || evaluateGuard(e.transition.guard, scope),
    );
    if (!enabled) {
      const failed = candidates.flatMap((e) =>
        e.transition.guard ? [describeGuard(e.transition.guard)] : [],
      );
      const name = eventName(procedure, event.type);
      throw new EngineError(
        'guard-rejected',
        `Event "${event.type}": no condition of its transitions holds: ${failed.map((f) => f.en).join('; ')}`,
        {
          state: snapshot.machine.value,
          event: event.type,
          conditions: failed,
          message: {
            vi: `Không thể thực hiện "${name.vi}": điều kiện không thỏa mãn: ${failed.map((f) => f.vi).join('; ')}`,
            en: `Cannot "${name.en ?? event.type}": the condition does not hold: ${failed.map((f) => f.en).join('; ')}`,
          },
        },
      );
    }
  }
  if (next === current && actions.length === 0) {
    return { snapshot: { ...snapshot, sequence: snapshot.sequence + 1 }, effects: [] };
  }
  return settle({
    procedure,
    rules: rulesFor(procedure, options, snapshot.clock),
    prepared: p,
    before,
    prev: snapshot,
    next,
    actions,
    event,
    now,
    head: {
      procedureId: snapshot.procedureId,
      channel: snapshot.channel,
      receivedAt: snapshot.receivedAt,
      clock: snapshot.clock,
      sequence: snapshot.sequence + 1,
    },
  });
}
