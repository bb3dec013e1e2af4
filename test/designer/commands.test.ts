import { beforeAll, describe, expect, it } from 'vitest';
import { hasErrors, validateProcedure, type Procedure } from '../../engine/index.ts';
import { autoLayout } from '../../designer/src/layout/autoLayout.ts';
import { computeGeometry, overlaps } from '../../designer/src/layout/geometry.ts';
import { toCanvas } from '../../designer/src/model/canvasModel.ts';
import { applyCommand, pasteKey, type Command } from '../../designer/src/model/commands.ts';
import type { DesignDoc } from '../../designer/src/model/designDoc.ts';
import { getState } from '../../designer/src/model/statePaths.ts';
import { targetString } from '../../designer/src/model/transitionCommands.ts';
import { catalog, lienThong, loadProcedure } from './fixtures.ts';

let birth: DesignDoc;
let joint: DesignDoc;

beforeAll(async () => {
  const a = loadProcedure('dang-ky-khai-sinh');
  const b = lienThong();
  birth = { procedure: a, layout: await autoLayout(a) };
  joint = { procedure: b, layout: await autoLayout(b) };
});

const run = (doc: DesignDoc, ...commands: Command[]) => commands.reduce(applyCommand, doc);
const errors = (p: Procedure) =>
  validateProcedure(p, { units: catalog }).filter((x) => x.severity === 'error');
const state = (doc: DesignDoc, path: string) => getState(doc.procedure.machine, path);

/** No two boxes of the canvas overlap. */
function expectNoOverlap(doc: DesignDoc) {
  const boxes = [...computeGeometry(toCanvas(doc.procedure), doc.layout).boxes.values()];
  for (const a of boxes) {
    for (const b of boxes) {
      if (a.path < b.path) expect(overlaps(a, b, 0), `${a.path} overlaps ${b.path}`).toBe(false);
    }
  }
}

describe('step commands', () => {
  it('adds a step before the outcomes, in the lane of its unit, without overlap', () => {
    const doc = run(birth, {
      type: 'addStep',
      parent: '',
      step: {
        meta: {
          name: { vi: 'Xác minh thông tin' },
          unit: 'tu-phap-xa',
          role: 'specialist',
          duration: { workingHours: 1 },
        },
      },
    });
    const keys = Object.keys(doc.procedure.machine.states);
    expect(keys).toContain('xacMinhThongTin');
    expect(keys.indexOf('xacMinhThongTin')).toBeLessThan(keys.indexOf('daCap'));
    expect(doc.layout.positions.xacMinhThongTin).toBeDefined();
    const geometry = computeGeometry(toCanvas(doc.procedure), doc.layout);
    expect(geometry.boxes.get('xacMinhThongTin')!.lane).toBe('unit:tu-phap-xa');
    expectNoOverlap(doc);
    // Unreachable until connected: validation says so, in Vietnamese.
    const problems = errors(doc.procedure);
    expect(problems.map((p) => p.code)).toContain('unreachable-step');
    expect(problems[0]!.message.vi).toMatch(/bước|Bước/);
  });

  it('adds a parallel inter-agency group with one region per agency', () => {
    const doc = run(birth, {
      type: 'addParallelGroup',
      parent: '',
      name: { vi: 'Liên thông' },
      regions: [
        { name: { vi: 'Công an' }, unit: 'ubnd-xa' },
        { name: { vi: 'Bảo hiểm' }, unit: 'tu-phap-xa' },
      ],
    });
    const group = state(doc, 'lienThong')!;
    expect(group.type).toBe('parallel');
    expect(Object.keys(group.states!)).toEqual(['congAn', 'baoHiem']);
    expect(state(doc, 'lienThong.congAn.xuLy')!.meta!.unit).toBe('ubnd-xa');
    expect(doc.layout.positions['lienThong.congAn.xuLy']).toBeDefined();
    expect(doc.layout.positions['lienThong.baoHiem.xong']).toBeDefined();
    expectNoOverlap(doc);
  });

  it('deletes a step, its transitions in and out, and its position', () => {
    const doc = run(birth, { type: 'deleteStep', path: 'kyDuyet' });
    expect(state(doc, 'kyDuyet')).toBeUndefined();
    expect(doc.procedure.machine.states.thamTra!.on!.PROPOSE).toBeUndefined();
    expect(doc.layout.positions.kyDuyet).toBeUndefined();
    // Everything else is untouched.
    expect(doc.procedure.machine.states.thamTra!.on!.REFUSE).toEqual(
      birth.procedure.machine.states.thamTra!.on!.REFUSE,
    );
  });

  it('moves the initial step when the initial step is deleted', () => {
    const doc = run(birth, { type: 'deleteStep', path: 'tiepNhan' });
    expect(doc.procedure.machine.initial).toBe('choBoSung');
    const inner = run(joint, { type: 'deleteStep', path: 'lienThong.cuTru.dangKyThuongTru' });
    expect(state(inner, 'lienThong.cuTru')!.initial).toBe('xong');
  });

  it('removes only the deleted target of a multi-target transition', () => {
    const p = structuredClone(joint.procedure) as any;
    p.machine.states.tiepNhan.on.ACCEPT.target = ['lienThong.hoTich', 'lienThong.cuTru'];
    const doc = run(
      { procedure: p, layout: joint.layout },
      { type: 'deleteStep', path: 'lienThong.cuTru' },
    );
    expect((doc.procedure.machine.states.tiepNhan!.on!.ACCEPT as any).target).toBe(
      'lienThong.hoTich',
    );
  });

  it('deletes a selection of steps and transitions at once', () => {
    const doc = run(birth, {
      type: 'deleteSelection',
      steps: ['choBoSung'],
      transitions: [{ source: 'thamTra', kind: 'on', event: 'REFUSE', index: null }],
    });
    expect(state(doc, 'choBoSung')).toBeUndefined();
    expect(doc.procedure.machine.states.tiepNhan!.on!.REQUEST_SUPPLEMENT).toBeUndefined();
    expect(doc.procedure.machine.states.thamTra!.on!.REFUSE).toBeUndefined();
    expect(errors(doc.procedure)).toEqual([]);
  });

  it('pastes a copy of a step with a new key and its outgoing transitions', () => {
    const copy = structuredClone(birth.procedure.machine.states.thamTra!);
    const key = pasteKey(birth.procedure, '', 'thamTra');
    expect(key).toBe('thamTra2');
    const at = birth.layout.positions.thamTra!;
    const doc = run(birth, { type: 'pasteStep', parent: '', key, state: copy, at });
    expect(state(doc, 'thamTra2')!.on).toEqual(copy.on);
    expect(doc.layout.positions.thamTra2).toBeDefined();
    expectNoOverlap(doc);
  });

  it('edits a step: names, unit (moving it to another lane), clock, form, documents', () => {
    const meta = {
      ...birth.procedure.machine.states.thamTra!.meta!,
      unit: 'ubnd-xa',
      clock: 'paused' as const,
    };
    const doc = run(birth, { type: 'updateStep', path: 'thamTra', patch: { meta } });
    expect(state(doc, 'thamTra')!.meta).toEqual(meta);
    const geometry = computeGeometry(toCanvas(doc.procedure), doc.layout);
    expect(geometry.boxes.get('thamTra')!.lane).toBe('unit:ubnd-xa');
    expectNoOverlap(doc);
    const removed = run(doc, {
      type: 'updateStep',
      path: 'thamTra',
      patch: { entry: undefined, meta: { name: { vi: 'X' } } },
    });
    expect(state(removed, 'thamTra')!.meta).toEqual({ name: { vi: 'X' } });
  });

  it('makes a step the initial one', () => {
    const doc = run(birth, { type: 'setInitial', path: 'thamTra' });
    expect(doc.procedure.machine.initial).toBe('thamTra');
  });

  it('ignores commands on missing steps', () => {
    expect(applyCommand(birth, { type: 'deleteStep', path: 'khongCo' })).toBe(birth);
    expect(applyCommand(birth, { type: 'updateStep', path: 'khongCo', patch: {} })).toBe(birth);
    expect(applyCommand(birth, { type: 'setInitial', path: '' })).toBe(birth);
  });
});

describe('transition commands', () => {
  it('connects two steps with a standard event', () => {
    const doc = run(birth, {
      type: 'connect',
      source: 'kyDuyet',
      target: 'tuChoi',
      event: 'REFUSE',
    });
    expect(doc.procedure.machine.states.kyDuyet!.on!.REFUSE).toEqual({ target: 'tuChoi' });
    expect(doc.procedure.events).toBeUndefined();
    expect(errors(doc.procedure)).toEqual([]);
  });

  it('declares a new custom event with its Vietnamese name', () => {
    const doc = run(birth, {
      type: 'connect',
      source: 'thamTra',
      target: 'choBoSung',
      event: 'XAC_MINH_THEM',
      eventName: { vi: 'Yêu cầu xác minh thêm' },
    });
    expect(doc.procedure.events).toEqual({
      XAC_MINH_THEM: { name: { vi: 'Yêu cầu xác minh thêm' } },
    });
    expect(errors(doc.procedure)).toEqual([]);
  });

  it('adds a guarded alternative to an event that already has a transition', () => {
    const doc = run(birth, {
      type: 'connect',
      source: 'thamTra',
      target: 'tuChoi',
      event: 'PROPOSE',
      guard: { type: 'field', params: { field: 'gioiTinh', op: 'eq', value: 'Nam' } },
    });
    const entry = doc.procedure.machine.states.thamTra!.on!.PROPOSE as any[];
    expect(entry).toHaveLength(2);
    expect(entry[1].guard.params.field).toBe('gioiTinh');
  });

  it('names targets relative to the parent, by id across groups and from the root', () => {
    const m = joint.procedure.machine;
    expect(targetString(m, 'tiepNhan', 'traKetQua')).toBe('traKetQua');
    expect(targetString(m, 'tiepNhan', 'lienThong.cuTru')).toBe('lienThong.cuTru');
    expect(targetString(m, 'lienThong.cuTru.dangKyThuongTru', 'lienThong.cuTru.xong')).toBe('xong');
    expect(targetString(m, 'lienThong.cuTru.dangKyThuongTru', 'tuChoi')).toBe(`#${m.id}.tuChoi`);
    expect(targetString(m, '', 'tuChoi')).toBe(`#${m.id}.tuChoi`);
    const doc = run(joint, { type: 'connect', source: '', target: 'tuChoi', event: 'STOP' });
    expect(doc.procedure.machine.on!.STOP).toEqual({ target: `#${m.id}.tuChoi` });
    const nested = run(joint, {
      type: 'connect',
      source: 'lienThong.cuTru.dangKyThuongTru',
      target: 'tuChoi',
      event: 'REFUSE',
    });
    expect(errors(nested.procedure)).toEqual([]);
  });

  it('connects a parallel group by its completion (onDone)', () => {
    const p = structuredClone(joint.procedure) as any;
    delete p.machine.states.lienThong.onDone;
    const doc = run(
      { procedure: p, layout: joint.layout },
      { type: 'connect', source: 'lienThong', target: 'traKetQua', kind: 'onDone' },
    );
    expect(doc.procedure).toEqual(joint.procedure);
  });

  it('deletes a transition, collapsing a list of one alternative to an object', () => {
    const doc = run(joint, {
      type: 'deleteTransition',
      ref: { source: 'traKetQua', kind: 'on', event: 'RETURN_RESULT', index: 0 },
    });
    const entry = doc.procedure.machine.states.traKetQua!.on!.RETURN_RESULT as any;
    expect(Array.isArray(entry)).toBe(false);
    expect(entry.guard).toBeUndefined();
    const none = run(doc, {
      type: 'deleteTransition',
      ref: { source: 'traKetQua', kind: 'on', event: 'RETURN_RESULT', index: null },
    });
    expect(none.procedure.machine.states.traKetQua!.on).toBeUndefined();
  });

  it('retargets a transition', () => {
    const doc = run(birth, {
      type: 'retarget',
      ref: { source: 'kyDuyet', kind: 'on', event: 'SIGN', index: null },
      targetIndex: 0,
      target: 'daCap',
    });
    expect(doc.procedure.machine.states.kyDuyet!.on!.SIGN).toEqual({ target: 'daCap' });
  });

  it('edits the guard and the actions of a transition', () => {
    const ref = { source: 'kyDuyet', kind: 'on' as const, event: 'SIGN', index: null };
    const guard = {
      type: 'all' as const,
      params: {
        guards: [
          {
            type: 'field' as const,
            params: { field: 'quanHe', op: 'in' as const, value: ['Cha', 'Mẹ'] },
          },
          {
            type: 'not' as const,
            params: { guard: { type: 'channel' as const, params: { in: ['post' as const] } } },
          },
        ],
      },
    };
    const doc = run(birth, {
      type: 'updateTransition',
      ref,
      patch: { guard, actions: [{ type: 'issueSlip', params: { slip: 'control' } }] },
    });
    expect(doc.procedure.machine.states.kyDuyet!.on!.SIGN).toEqual({
      target: 'traKetQua',
      guard,
      actions: [{ type: 'issueSlip', params: { slip: 'control' } }],
    });
    expect(errors(doc.procedure)).toEqual([]);
    const cleared = run(doc, {
      type: 'updateTransition',
      ref,
      patch: { guard: null, actions: [] },
    });
    expect(cleared.procedure.machine.states.kyDuyet!.on!.SIGN).toEqual({ target: 'traKetQua' });
  });

  it('changes the event of a transition', () => {
    const doc = run(birth, {
      type: 'changeEvent',
      ref: { source: 'kyDuyet', kind: 'on', event: 'SIGN', index: null },
      event: 'KY_SO',
      eventName: { vi: 'Ký số' },
    });
    expect(doc.procedure.machine.states.kyDuyet!.on!.SIGN).toBeUndefined();
    expect(doc.procedure.machine.states.kyDuyet!.on!.KY_SO).toEqual({ target: 'traKetQua' });
    expect(doc.procedure.events!.KY_SO!.name.vi).toBe('Ký số');
  });

  it('reorders guarded alternatives', () => {
    const doc = run(joint, {
      type: 'reorderAlternative',
      ref: { source: 'traKetQua', kind: 'on', event: 'RETURN_RESULT', index: 0 },
      delta: 1,
    });
    const entry = doc.procedure.machine.states.traKetQua!.on!.RETURN_RESULT as any[];
    expect(entry[0].guard).toBeUndefined();
    expect(entry[1].guard).toBeDefined();
  });
});

describe('procedure and layout commands', () => {
  it('edits the procedure, removing fields set to undefined', () => {
    const doc = run(birth, {
      type: 'updateProcedure',
      patch: { deadline: { workingDays: 1 }, code: undefined },
    });
    expect(doc.procedure.deadline).toEqual({ workingDays: 1 });
    expect('code' in doc.procedure).toBe(false);
    expect(doc.layout).toBe(birth.layout);
  });

  it('moves a step within its lane, pushing it off any box it lands on', () => {
    const target = birth.layout.positions.traKetQua!;
    const doc = run(birth, { type: 'moveNodes', positions: { tiepNhan: { ...target } } });
    const moved = doc.layout.positions.tiepNhan!;
    expect(moved.x).toBe(target.x);
    expect(moved.y).toBeGreaterThan(target.y);
    expectNoOverlap(doc);
    expect(doc.procedure).toBe(birth.procedure);
    // The stored layout is what the canvas shows: applying it again changes nothing.
    expect(computeGeometry(toCanvas(doc.procedure), doc.layout).positions).toEqual(
      doc.layout.positions,
    );
  });

  it('keeps a dragged step in its lane', () => {
    const doc = run(birth, { type: 'moveNodes', positions: { kyDuyet: { x: 900, y: -500 } } });
    const geometry = computeGeometry(toCanvas(doc.procedure), doc.layout);
    expect(geometry.boxes.get('kyDuyet')!.lane).toBe('unit:ubnd-xa');
    expect(geometry.lanes.map((l) => l.key)).toEqual(
      computeGeometry(toCanvas(birth.procedure), birth.layout).lanes.map((l) => l.key),
    );
  });

  it('replaces the layout', () => {
    const doc = run(birth, { type: 'setLayout', layout: { positions: {} } });
    expect(doc.layout).toEqual({ positions: {} });
  });

  it('keeps the procedure valid through a typical editing session', () => {
    const doc = run(
      birth,
      {
        type: 'addStep',
        parent: '',
        key: 'xacMinh',
        step: {
          meta: {
            name: { vi: 'Xác minh' },
            unit: 'tu-phap-xa',
            role: 'specialist',
            duration: { workingHours: 0.25 },
          },
        },
      },
      {
        type: 'retarget',
        ref: { source: 'tiepNhan', kind: 'on', event: 'ACCEPT', index: null },
        targetIndex: 0,
        target: 'xacMinh',
      },
      { type: 'connect', source: 'xacMinh', target: 'thamTra', event: 'FORWARD' },
      {
        type: 'updateStep',
        path: 'thamTra',
        patch: {
          meta: {
            ...birth.procedure.machine.states.thamTra!.meta!,
            duration: { workingHours: 0.25 },
          },
        },
      },
    );
    expect(hasErrors(validateProcedure(doc.procedure, { units: catalog }))).toBe(false);
    expectNoOverlap(doc);
  });
});
