import { describe, expect, it } from 'vitest';
import { formatProcedure, validateProcedure } from '../../engine/index.ts';
import { fromCanvas, toCanvas } from '../../designer/src/model/canvasModel.ts';
import { allProcedures, catalog, lienThong, loadProcedure } from './fixtures.ts';

describe('definition ⇄ canvas', () => {
  it.each(allProcedures())('%s: a round trip leaves the definition unchanged', (_, procedure) => {
    const before = JSON.stringify(procedure);
    const back = fromCanvas(toCanvas(procedure));
    expect(formatProcedure(back)).toBe(formatProcedure(procedure));
    expect(back).toEqual(procedure);
    // toCanvas does not mutate its input.
    expect(JSON.stringify(procedure)).toBe(before);
  });

  it('names every state by its path and resolves every target', () => {
    const model = toCanvas(lienThong());
    expect(model.states.map((s) => s.path)).toContain('lienThong.cuTru.dangKyThuongTru');
    const parallel = model.states.find((s) => s.path === 'lienThong')!;
    expect(parallel.kind).toBe('parallel');
    expect(parallel.children).toEqual(['hoTich', 'cuTru', 'baoHiem']);
    for (const t of model.transitions) {
      for (const target of t.targets) expect(target.path, `${t.id} → ${target.raw}`).not.toBeNull();
    }
    const withdraw = model.edges.find((e) => e.ref.source === '' && e.ref.event === 'WITHDRAW')!;
    expect(withdraw.target).toBe('rutHoSo');
    const onDone = model.edges.find((e) => e.ref.kind === 'onDone')!;
    expect(onDone).toMatchObject({ source: 'lienThong', target: 'traKetQua' });
    const alternatives = model.transitions.filter((t) => t.ref.source === 'traKetQua');
    expect(alternatives.map((t) => t.ref.index)).toEqual([0, 1]);
  });

  it('keeps transitions it cannot draw (broken or no target)', () => {
    const procedure = loadProcedure('dang-ky-khai-sinh');
    const broken = structuredClone(procedure) as any;
    broken.machine.states.thamTra.on.PROPOSE = { target: 'nowhere' };
    broken.machine.states.kyDuyet.on.EXTEND = { actions: [{ type: 'extendDeadline' }] };
    const model = toCanvas(broken);
    expect(model.transitions.find((t) => t.ref.event === 'PROPOSE')!.targets).toEqual([
      { raw: 'nowhere', path: null },
    ]);
    expect(model.edges.some((e) => e.ref.event === 'PROPOSE')).toBe(false);
    expect(fromCanvas(model)).toEqual(broken);
  });

  it('the fixture validates', () => {
    expect(validateProcedure(lienThong(), { units: catalog })).toEqual([]);
  });
});
