import { actionsRequiringParams, type Action } from '../registry/actions.ts';
import { isStandardEvent } from '../registry/events.ts';
import type { Guard } from '../registry/guards.ts';
import type { UnitCatalog } from '../format/unitCatalog.ts';
import type { Procedure } from '../format/procedureSchema.ts';
import { MAX_DATE_KEYWORD, MAX_DATE_VALUES } from '../format/dateLimits.ts';
import { receptionForm } from '../format/receptionForm.ts';
import { workingTimeToHours } from '../format/primitives.ts';
import { createAjv, ajvProblems } from './structural.ts';
import {
  buildMachineGraph,
  isTopLevelFinal,
  type GraphEdge,
  type GraphNode,
  type MachineGraph,
} from './machineGraph.ts';
import { nodesThatCanFinish, reachableNodes } from './machineAnalysis.ts';
import { checkDeadlines } from './deadlineCheck.ts';
import { pointerSegment, problem, type Problem } from './problem.ts';

/** Context a semantic check needs besides the file: the unit catalog, the length of a day. */
export interface ValidationContext {
  readonly units?: UnitCatalog;
  readonly hoursPerDay?: number;
  /**
   * Working hours guaranteed by a "within the day" deadline (`{ "workingDays": 0 }`): from the
   * receipt cut-off to closing time (15:00–17:00 by default), since later receipts move to the
   * next working day.
   */
  readonly sameDayHours?: number;
}

/** The working hours of the legal deadline that steps may share. */
export function legalHours(deadline: Procedure['deadline'], ctx: ValidationContext): number {
  if ('workingDays' in deadline && deadline.workingDays === 0) return ctx.sameDayHours ?? 2;
  return workingTimeToHours(deadline, ctx.hoursPerDay);
}

/**
 * How a message names a step: its name in the message's language with the key the file uses
 * (`"Chủ tịch UBND xã ký" (kyDuyet)`), or the key alone for a step without a name.
 */
function stepLabel(node: GraphNode, lang: 'vi' | 'en'): string {
  const name = node.config.meta?.name;
  const text = lang === 'vi' ? name?.vi : (name?.en ?? name?.vi);
  return text ? `"${text}" (${node.key})` : `"${node.key}"`;
}

/** Names of the fields a form schema declares, dot-joined for nested objects. */
export function formFields(schema: unknown, prefix = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const props = (schema as { properties?: Record<string, unknown> }).properties;
  if (!props || typeof props !== 'object') return [];
  return Object.entries(props).flatMap(([k, v]) => [
    `${prefix}${k}`,
    ...formFields(v, `${prefix}${k}.`),
  ]);
}

function checkGuard(
  guard: Guard,
  path: string,
  p: Procedure,
  fields: ReadonlySet<string>,
  out: Problem[],
): void {
  switch (guard.type) {
    case 'field': {
      const { op, field, value, source } = guard.params;
      const hasValue = Object.prototype.hasOwnProperty.call(guard.params, 'value');
      if (op === 'exists' && hasValue) {
        out.push(
          problem('guard-params', `${path}/params/value`, {
            vi: 'Phép "exists" không dùng giá trị so sánh',
            en: 'The "exists" test takes no value',
          }),
        );
      } else if (op === 'in' && !Array.isArray(value)) {
        out.push(
          problem('guard-params', `${path}/params${hasValue ? '/value' : ''}`, {
            vi: 'Phép "in" cần một danh sách giá trị',
            en: 'The "in" test needs a list of values',
          }),
        );
      } else if (op !== 'exists' && op !== 'in' && !hasValue) {
        out.push(
          problem('guard-params', `${path}/params`, {
            vi: `Phép "${op}" cần giá trị so sánh ("value")`,
            en: `The "${op}" test needs a "value"`,
          }),
        );
      } else if (
        ['lt', 'le', 'gt', 'ge'].includes(op) &&
        typeof value !== 'number' &&
        typeof value !== 'string'
      ) {
        out.push(
          problem('guard-params', `${path}/params/value`, {
            vi: `Phép "${op}" chỉ so sánh số hoặc ngày`,
            en: `The "${op}" test compares numbers or dates only`,
          }),
        );
      }
      if (source !== 'event' && !fields.has(field)) {
        out.push(
          problem('unknown-field', `${path}/params/field`, {
            vi: `Trường "${field}" không có trong biểu mẫu điện tử của thủ tục`,
            en: `Field "${field}" is not in any e-form of the procedure`,
          }),
        );
      }
      return;
    }
    case 'all':
    case 'any':
      guard.params.guards.forEach((g, i) =>
        checkGuard(g, `${path}/params/guards/${i}`, p, fields, out),
      );
      return;
    case 'not':
      checkGuard(guard.params.guard, `${path}/params/guard`, p, fields, out);
      return;
    case 'documentPresent':
      if (!p.documents.some((d) => d.id === guard.params.document)) {
        out.push(
          problem('unknown-document', `${path}/params/document`, {
            vi: `Giấy tờ "${guard.params.document}" không có trong thành phần hồ sơ`,
            en: `Document "${guard.params.document}" is not among the procedure's documents`,
          }),
        );
      }
      return;
    case 'channel':
      return;
    case 'elapsed': {
      const { field, source } = guard.params;
      if (source !== 'event' && !fields.has(field)) {
        out.push(
          problem('unknown-field', `${path}/params/field`, {
            vi: `Trường "${field}" không có trong biểu mẫu điện tử của thủ tục`,
            en: `Field "${field}" is not in any e-form of the procedure`,
          }),
        );
      }
      return;
    }
    default: {
      const never: never = guard;
      throw new Error(`unknown guard ${JSON.stringify(never)}`);
    }
  }
}

function checkActions(actions: readonly Action[] | undefined, path: string, out: Problem[]): void {
  actions?.forEach((a, i) => {
    if (actionsRequiringParams.has(a.type) && a.params === undefined) {
      out.push(
        problem('action-params', `${path}/${i}`, {
          vi: `Hành động "${a.type}" cần tham số ("params")`,
          en: `Action "${a.type}" needs "params"`,
        }),
      );
    }
  });
}

function checkStep(node: GraphNode, p: Procedure, ctx: ValidationContext, out: Problem[]): void {
  const meta = node.config.meta;
  const at = `${node.pointer}/meta`;
  if (node.kind === 'final') {
    if (isTopLevelFinal(node) && !meta?.outcome) {
      out.push(
        problem(
          'final-without-outcome',
          node.pointer,
          {
            vi: `Bước kết thúc ${stepLabel(node, 'vi')} chưa ghi kết quả (outcome)`,
            en: `Final state ${stepLabel(node, 'en')} has no outcome`,
          },
          'warning',
        ),
      );
    }
    return;
  }
  // A routing-only state (`always`, nothing to wait for) is left at once: no one acts there.
  const routing =
    node.config.always !== undefined && !node.config.on && !node.config.after && !meta?.clock;
  if (node.kind === 'atomic' && !routing) {
    const need: [keyof NonNullable<typeof meta>, string, string][] = [
      ['unit', 'đơn vị chịu trách nhiệm', 'responsible unit'],
      ['role', 'vai trò thực hiện', 'acting role'],
      ['duration', 'thời hạn xử lý', 'duration'],
    ];
    for (const [field, vi, en] of need) {
      if (meta?.[field] === undefined) {
        out.push(
          problem(`step-missing-${field}`, meta ? at : node.pointer, {
            vi: `Bước ${stepLabel(node, 'vi')} chưa có ${vi}`,
            en: `Step ${stepLabel(node, 'en')} has no ${en}`,
          }),
        );
      }
    }
    if (!meta?.name) {
      out.push(
        problem(
          'step-missing-name',
          meta ? at : node.pointer,
          {
            vi: `Bước ${stepLabel(node, 'vi')} chưa có tên tiếng Việt`,
            en: `Step ${stepLabel(node, 'en')} has no name`,
          },
          'warning',
        ),
      );
    }
  }
  if (!meta) return;
  const units = ctx.units;
  if (meta.unit && units && !units.units.some((u) => u.id === meta.unit)) {
    out.push(
      problem('unknown-unit', `${at}/unit`, {
        vi: `Đơn vị "${meta.unit}" không có trong danh mục đơn vị`,
        en: `Unit "${meta.unit}" is not in the unit catalog`,
      }),
    );
  }
  const role = units?.roles.find((r) => r.id === meta.role);
  if (meta.role && units && !role) {
    out.push(
      problem('unknown-role', `${at}/role`, {
        vi: `Vai trò "${meta.role}" không có trong danh mục`,
        en: `Role "${meta.role}" is not in the catalog`,
      }),
    );
  }
  const citizen = role ? role.citizen === true : meta.role === 'applicant';
  if (citizen && meta.clock !== 'paused') {
    out.push(
      problem('citizen-step-clock-running', `${at}${meta.clock ? '/clock' : ''}`, {
        vi: `Bước ${stepLabel(node, 'vi')} chờ công dân bổ sung nhưng thời hạn vẫn tính cho cơ quan; đặt "clock": "paused"`,
        en: `Step ${stepLabel(node, 'en')} waits for the citizen while the legal clock runs; set "clock": "paused"`,
      }),
    );
  }
  if (meta.pause && meta.clock !== 'paused') {
    out.push(
      problem('pause-clock-running', `${at}/pause`, {
        vi: `Bước ${stepLabel(node, 'vi')} khai báo lý do tạm dừng "${meta.pause}" nhưng không dừng thời hạn; đặt "clock": "paused"`,
        en: `Step ${stepLabel(node, 'en')} declares the pause reason "${meta.pause}" but the clock runs; set "clock": "paused"`,
      }),
    );
  }
  if (meta.form && !p.forms.some((f) => f.id === meta.form)) {
    out.push(
      problem('unknown-form', `${at}/form`, {
        vi: `Biểu mẫu "${meta.form}" không có trong thủ tục`,
        en: `Form "${meta.form}" is not defined in the procedure`,
      }),
    );
  }
  meta.documents?.forEach((d, i) => {
    if (!p.documents.some((doc) => doc.id === d)) {
      out.push(
        problem('unknown-document', `${at}/documents/${i}`, {
          vi: `Giấy tờ "${d}" không có trong thành phần hồ sơ`,
          en: `Document "${d}" is not among the procedure's documents`,
        }),
      );
    }
  });
}

function checkDuplicates(p: Procedure, out: Problem[]): void {
  for (const [list, what] of [
    [p.documents, 'documents'],
    [p.forms, 'forms'],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) {
        out.push(
          problem('duplicate-id', `/${what}/${i}/id`, {
            vi: `Mã "${item.id}" bị trùng`,
            en: `Id "${item.id}" is used twice`,
          }),
        );
      }
      seen.add(item.id);
    });
  }
}

/** `"x-maxDate"` only as `"today"`, and only on a `format: "date"` field (nested ones too). */
function checkDateLimits(schema: unknown, path: string, out: Problem[]): void {
  const props = (schema as { properties?: Record<string, unknown> } | null)?.properties;
  if (!props || typeof props !== 'object') return;
  for (const [key, prop] of Object.entries(props)) {
    if (!prop || typeof prop !== 'object') continue;
    const at = `${path}/properties/${pointerSegment(key)}`;
    const own = prop as Record<string, unknown>;
    if (MAX_DATE_KEYWORD in own) {
      const value = own[MAX_DATE_KEYWORD];
      if (!(MAX_DATE_VALUES as readonly unknown[]).includes(value) || own.format !== 'date') {
        out.push(
          problem('form-date-limit', `${at}/${MAX_DATE_KEYWORD}`, {
            vi: `"${MAX_DATE_KEYWORD}" của trường "${key}" chỉ nhận "today" và chỉ trên trường ngày ("format": "date")`,
            en: `"${MAX_DATE_KEYWORD}" of field "${key}" takes only "today", on a date field ("format": "date")`,
          }),
        );
      }
    }
    checkDateLimits(prop, at, out);
  }
}
/**
 * One Ajv for the form schemas of every procedure: a fresh one compiles the JSON Schema
 * meta-schema again for each procedure (most of the cost of validating one). The form schemas of
 * a procedure are removed after its check, so nothing of one procedure stays for the next (an
 * `$id` included) while two forms of one procedure still clash as before.
 */
let formAjv: ReturnType<typeof createAjv> | undefined;

function checkForms(p: Procedure, out: Problem[]): void {
  const ajv = (formAjv ??= createAjv());
  try {
    p.forms.forEach((form, i) => checkForm(ajv, form, i, out));
  } finally {
    try {
      for (const form of p.forms)
        if (form.schema && typeof form.schema === 'object') ajv.removeSchema(form.schema);
    } catch {
      // An instance in a doubtful state is dropped: the next check starts a fresh one.
      formAjv = undefined;
    }
  }
}

function checkForm(
  ajv: ReturnType<typeof createAjv>,
  form: Procedure['forms'][number],
  i: number,
  out: Problem[],
): void {
  {
    try {
      ajv.compile(form.schema);
    } catch (error) {
      out.push(
        problem('form-schema-invalid', `/forms/${i}/schema`, {
          vi: `Lược đồ biểu mẫu không hợp lệ: ${(error as Error).message}`,
          en: `Invalid form schema: ${(error as Error).message}`,
        }),
      );
      return;
    }
    const meta = ajv.validateSchema(form.schema);
    if (!meta) out.push(...ajvProblems(ajv.errors, 'form-schema', `/forms/${i}/schema`));
    checkDateLimits(form.schema, `/forms/${i}/schema`, out);
    for (const [key, prop] of Object.entries(form.schema.properties)) {
      if (
        !prop ||
        typeof prop !== 'object' ||
        typeof (prop as { title?: unknown }).title !== 'string'
      ) {
        out.push(
          problem(
            'form-field-untitled',
            `/forms/${i}/schema/properties/${key}`,
            {
              vi: `Trường "${key}" của biểu mẫu chưa có nhãn tiếng Việt ("title")`,
              en: `Form field "${key}" has no Vietnamese label ("title")`,
            },
            'warning',
          ),
        );
      }
    }
  }
}

function checkReachability(
  graph: MachineGraph,
  p: Procedure,
  ctx: ValidationContext,
  out: Problem[],
): void {
  const reached = reachableNodes(graph);
  const finish = nodesThatCanFinish(graph);
  const finals = graph.nodes.filter(isTopLevelFinal);
  if (finals.length === 0) {
    out.push(
      problem('no-final-state', '/machine/states', {
        vi: 'Quy trình không có bước kết thúc (type: "final")',
        en: 'The procedure has no final state (type: "final")',
      }),
    );
  }
  for (const node of graph.nodes) {
    if (!node.parent) continue;
    if (!reached.has(node)) {
      if (reached.has(node.parent)) {
        out.push(
          problem('unreachable-step', node.pointer, {
            vi: `Không có đường nào dẫn tới bước ${stepLabel(node, 'vi')}`,
            en: `No path leads to step ${stepLabel(node, 'en')}`,
          }),
        );
      }
      continue;
    }
    if (
      (node.kind === 'atomic' || node.kind === 'final') &&
      !finish.has(node) &&
      finals.length > 0
    ) {
      out.push(
        problem('no-way-to-finish', node.pointer, {
          vi: `Từ bước ${stepLabel(node, 'vi')} không thể đi tới bước kết thúc`,
          en: `From step ${stepLabel(node, 'en')} no final state can be reached`,
        }),
      );
    }
  }
  checkDeadlines(graph, p, (d) => legalHours(d, ctx), ctx.hoursPerDay, out);
  if (p.documents.some((d) => d.required)) {
    const refusal = finals.some((f) => reached.has(f) && f.config.meta?.outcome === 'refused');
    if (!refusal) {
      out.push(
        problem(
          'no-refusal-path',
          '/machine/states',
          {
            vi: 'Thủ tục yêu cầu giấy tờ nhưng không có đường từ chối hồ sơ',
            en: 'Documents are required but no path ends in refusal',
          },
          'warning',
        ),
      );
    }
    const supplement = graph.nodes.some(
      (n) =>
        reached.has(n) &&
        n.kind === 'atomic' &&
        n.config.meta?.clock === 'paused' &&
        (n.config.meta.pause ?? 'supplement') === 'supplement',
    );
    if (!supplement) {
      out.push(
        problem(
          'no-supplement-path',
          '/machine/states',
          {
            vi: 'Thủ tục yêu cầu giấy tờ nhưng không có bước chờ bổ sung hồ sơ',
            en: 'Documents are required but there is no step waiting for a supplement',
          },
          'warning',
        ),
      );
    }
  }
}

/** The unit of the first step receives the dossiers: it needs a code to number them. */
function checkReceivingUnit(p: Procedure, ctx: ValidationContext, out: Problem[]): void {
  const first = p.machine.states[p.machine.initial];
  const id = first?.meta?.unit;
  const unit = id ? ctx.units?.units.find((u) => u.id === id) : undefined;
  if (!unit || unit.code?.trim()) return;
  out.push(
    problem(
      'receiving-unit-without-code',
      `/machine/states/${p.machine.initial}/meta/unit`,
      {
        vi: `Đơn vị tiếp nhận "${id}" chưa có mã ("code") trong units.json: số hồ sơ sẽ dùng mã "${id}" làm tiền tố`,
        en: `Receiving unit "${id}" has no "code" in units.json: dossier codes would be prefixed with "${id}"`,
      },
      'warning',
    ),
  );
}

/** Semantic checks of a structurally valid procedure. */
export function validateSemantics(p: Procedure, ctx: ValidationContext): Problem[] {
  const out: Problem[] = [];
  const graph = buildMachineGraph(p.machine);
  out.push(...graph.problems);
  checkDuplicates(p, out);
  checkForms(p, out);
  checkFees(p, out);
  if (ctx.units && !ctx.units.levels.some((l) => l.id === p.level)) {
    out.push(
      problem('unknown-level', '/level', {
        vi: `Cấp "${p.level}" không có trong danh mục cấp`,
        en: `Level "${p.level}" is not in the catalog`,
      }),
    );
  }
  checkReceivingUnit(p, ctx, out);
  const fields = new Set(p.forms.flatMap((f) => formFields(f.schema)));
  for (const node of graph.nodes) {
    if (node.parent) checkStep(node, p, ctx, out);
    checkActions(node.config.entry, `${node.pointer}/entry`, out);
    checkActions(node.config.exit, `${node.pointer}/exit`, out);
  }
  for (const edge of graph.edges) {
    if (edge.kind === 'on' && !isStandardEvent(edge.event) && !p.events?.[edge.event]) {
      out.push(
        problem('unknown-event', edge.pointer.replace(/\/\d+$/, ''), {
          vi: `Sự kiện "${edge.event}" không phải sự kiện chuẩn và chưa khai báo trong "events"`,
          en: `Event "${edge.event}" is neither standard nor declared in "events"`,
        }),
      );
    }
    if (edge.kind === 'after' && !p.delays?.[edge.event]) {
      out.push(
        problem('unknown-delay', edge.pointer.replace(/\/\d+$/, ''), {
          vi: `Khoảng chờ "${edge.event}" chưa khai báo trong "delays"`,
          en: `Delay "${edge.event}" is not declared in "delays"`,
        }),
      );
    }
    if (edge.transition.data) checkTransitionData(edge, p, out);
    if (edge.transition.guard)
      checkGuard(edge.transition.guard, `${edge.pointer}/guard`, p, fields, out);
    checkActions(edge.transition.actions, `${edge.pointer}/actions`, out);
  }
  (p.deadlineVariants ?? []).forEach((v, i) =>
    checkGuard(v.guard, `/deadlineVariants/${i}/guard`, p, fields, out),
  );
  if (graph.problems.length === 0) checkReachability(graph, p, ctx, out);
  return dedupe(out);
}

/** `data.fields` name fields of the reception e-form; `data.form` names a form. */
function checkTransitionData(edge: GraphEdge, p: Procedure, out: Problem[]): void {
  const data = edge.transition.data!;
  const reception = receptionForm(p);
  const known = new Set(Object.keys(reception?.schema.properties ?? {}));
  (data.fields ?? []).forEach((field, i) => {
    if (!known.has(field)) {
      out.push(
        problem('unknown-field', `${edge.pointer}/data/fields/${i}`, {
          vi: `Trường "${field}" không có trong biểu mẫu tiếp nhận${reception ? ` "${reception.id}"` : ''}`,
          en: `Field "${field}" is not in the reception e-form${reception ? ` "${reception.id}"` : ''}`,
        }),
      );
    }
  });
  if (data.form && !p.forms.some((f) => f.id === data.form)) {
    out.push(
      problem('unknown-form', `${edge.pointer}/data/form`, {
        vi: `Biểu mẫu "${data.form}" chưa khai báo trong "forms"`,
        en: `Form "${data.form}" is not declared in "forms"`,
      }),
    );
  }
  if (edge.kind !== 'on') {
    out.push(
      problem('data-without-event', `${edge.pointer}/data`, {
        vi: 'Chỉ chuyển bước theo sự kiện mới mang dữ liệu',
        en: 'Only transitions taken on an event carry data',
      }),
    );
  }
}

/** The type a form schema gives a dot-joined field (`undefined` when there is no such field). */
function fieldSchema(p: Procedure, field: string): Record<string, unknown> | undefined {
  for (const form of p.forms) {
    let node: unknown = form.schema;
    for (const segment of field.split('.')) {
      const props = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
      node =
        props && Object.prototype.hasOwnProperty.call(props, segment) ? props[segment] : undefined;
    }
    if (node && typeof node === 'object') return node as Record<string, unknown>;
  }
  return undefined;
}

/** Computed fees read number fields of an e-form; tiers rise; a rate's bounds are ordered. */
function checkFees(p: Procedure, out: Problem[]): void {
  p.fees.forEach((fee, i) => {
    const compute = fee.compute;
    if (!compute) return;
    const path = `/fees/${i}/compute`;
    const schema = fieldSchema(p, compute.field);
    if (!schema) {
      out.push(
        problem('unknown-field', `${path}/field`, {
          vi: `Phí "${fee.name.vi}": trường "${compute.field}" không có trong biểu mẫu điện tử của thủ tục`,
          en: `Fee "${fee.name.en ?? fee.name.vi}": field "${compute.field}" is not in any e-form of the procedure`,
        }),
      );
    } else if (schema.type !== 'number' && schema.type !== 'integer') {
      out.push(
        problem('fee-field-not-number', `${path}/field`, {
          vi: `Phí "${fee.name.vi}": trường "${compute.field}" phải có kiểu số (number/integer) để tính phí`,
          en: `Fee "${fee.name.en ?? fee.name.vi}": field "${compute.field}" must be a number (number/integer)`,
        }),
      );
    }
    if (compute.kind === 'tiers') {
      compute.tiers.forEach((tier, t) => {
        const last = t === compute.tiers.length - 1;
        const previous = t > 0 ? compute.tiers[t - 1]!.upTo : undefined;
        if (tier.upTo === undefined && !last) {
          out.push(
            problem('fee-tier-open', `${path}/tiers/${t}`, {
              vi: `Phí "${fee.name.vi}": chỉ bậc cuối cùng được bỏ trống "upTo"`,
              en: `Fee "${fee.name.en ?? fee.name.vi}": only the last tier may omit "upTo"`,
            }),
          );
        } else if (tier.upTo !== undefined && previous !== undefined && tier.upTo <= previous) {
          out.push(
            problem('fee-tier-order', `${path}/tiers/${t}/upTo`, {
              vi: `Phí "${fee.name.vi}": bậc ${t + 1} (≤ ${tier.upTo}) phải lớn hơn bậc trước (≤ ${previous})`,
              en: `Fee "${fee.name.en ?? fee.name.vi}": tier ${t + 1} (≤ ${tier.upTo}) must be above the previous (≤ ${previous})`,
            }),
          );
        }
      });
      const lastTier = compute.tiers.at(-1)!;
      if (lastTier.upTo !== undefined) {
        out.push(
          problem(
            'fee-tier-gap',
            `${path}/tiers/${compute.tiers.length - 1}`,
            {
              vi: `Phí "${fee.name.vi}": giá trị trên ${lastTier.upTo} không thuộc bậc nào (thêm một bậc cuối không có "upTo")`,
              en: `Fee "${fee.name.en ?? fee.name.vi}": values above ${lastTier.upTo} fall in no tier (add a last tier without "upTo")`,
            },
            'warning',
          ),
        );
      }
    }
    if (
      compute.kind === 'rate' &&
      compute.minVnd !== undefined &&
      compute.maxVnd !== undefined &&
      compute.minVnd > compute.maxVnd
    ) {
      out.push(
        problem('fee-rate-bounds', `${path}/minVnd`, {
          vi: `Phí "${fee.name.vi}": mức tối thiểu lớn hơn mức tối đa`,
          en: `Fee "${fee.name.en ?? fee.name.vi}": the minimum is above the maximum`,
        }),
      );
    }
  });
}

function dedupe(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((pr) => {
    const key = `${pr.code}|${pr.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
