import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../designer/src/model/commands.ts';
import type { DesignDoc } from '../../designer/src/model/designDoc.ts';
import { editorReducer, initialEditorState } from '../../designer/src/model/editorState.ts';
import {
  createHistory,
  execute,
  HISTORY_LIMIT,
  redo,
  redoLabel,
  undo,
  undoLabel,
} from '../../designer/src/model/history.ts';
import { loadProcedure } from './fixtures.ts';

const doc: DesignDoc = { procedure: loadProcedure('dang-ky-khai-sinh'), layout: { positions: {} } };
const rename = (vi: string): Command => ({
  type: 'updateProcedure',
  patch: { name: { vi, en: 'Birth registration' } },
});

describe('undo / redo', () => {
  it('undoes and redoes commands in order', () => {
    let h = createHistory(doc);
    h = execute(h, rename('A'), 'Đổi tên');
    h = execute(h, { type: 'deleteStep', path: 'choBoSung' }, 'Xóa bước');
    expect(undoLabel(h)).toBe('Xóa bước');
    h = undo(h);
    expect(h.present.procedure.machine.states.choBoSung).toBeDefined();
    expect(h.present.procedure.name.vi).toBe('A');
    expect(redoLabel(h)).toBe('Xóa bước');
    h = undo(h);
    expect(h.present).toBe(doc);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present.procedure.machine.states.choBoSung).toBeUndefined();
    expect(redo(h)).toBe(h);
  });

  it('a new command after undo drops the redo branch', () => {
    let h = execute(createHistory(doc), rename('A'), 'a');
    h = undo(h);
    h = execute(h, rename('B'), 'b');
    expect(h.future).toEqual([]);
    expect(h.present.procedure.name.vi).toBe('B');
  });

  it('merges typing in one field into one undo step', () => {
    let h = createHistory(doc);
    for (const text of ['Đ', 'Đă', 'Đăng']) h = execute(h, rename(text), 'Đổi tên', 'name');
    expect(h.past).toHaveLength(1);
    h = execute(h, rename('X'), 'Đổi tên', 'other');
    expect(h.past).toHaveLength(2);
    expect(undo(undo(h)).present).toBe(doc);
  });

  it('ignores commands that change nothing', () => {
    const h = createHistory(doc);
    expect(execute(h, { type: 'deleteStep', path: 'khongCo' }, 'x')).toBe(h);
  });

  it('keeps a bounded past', () => {
    let h = createHistory(doc);
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = execute(h, rename(`T${i}`), 't');
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });

  it('undoing everything returns the original doc, for any sequence of edits', () => {
    const commands: Command[] = [
      rename('A'),
      { type: 'deleteStep', path: 'choBoSung' },
      { type: 'connect', source: 'kyDuyet', target: 'tuChoi', event: 'REFUSE' },
      { type: 'setInitial', path: 'thamTra' },
      { type: 'moveNodes', positions: { thamTra: { x: 600, y: 400 } } },
      { type: 'updateProcedure', patch: { deadline: { workingDays: 2 } } },
    ];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: commands.length - 1 }), { maxLength: 12 }),
        (picks) => {
          let h = createHistory(doc);
          for (const i of picks) h = execute(h, commands[i]!, `c${i}`);
          const last = h.present;
          const steps = h.past.length;
          for (let i = 0; i < steps; i++) h = undo(h);
          expect(h.present).toBe(doc);
          for (let i = 0; i < steps; i++) h = redo(h);
          expect(h.present).toBe(last);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('editor state', () => {
  it('drops a selection that no longer exists after an edit or an undo', () => {
    let s = initialEditorState(doc);
    s = editorReducer(s, { type: 'select', selection: { kind: 'step', path: 'choBoSung' } });
    expect(s.selection).toEqual({ kind: 'step', path: 'choBoSung' });
    s = editorReducer(s, {
      type: 'exec',
      command: { type: 'deleteStep', path: 'choBoSung' },
      label: 'x',
    });
    expect(s.selection).toEqual({ kind: 'none' });
    s = editorReducer(s, { type: 'undo' });
    expect(s.history.present).toBe(doc);
    s = editorReducer(s, {
      type: 'select',
      selection: {
        kind: 'transition',
        ref: { source: 'tiepNhan', kind: 'on', event: 'ACCEPT', index: null },
      },
    });
    s = editorReducer(s, { type: 'redo' });
    expect(s.selection.kind).toBe('transition');
  });

  it('selects what a command asks for, and ignores a repeated selection', () => {
    let s = initialEditorState(doc);
    s = editorReducer(s, {
      type: 'exec',
      command: { type: 'addStep', parent: '', key: 'moi', step: { meta: { name: { vi: 'Mới' } } } },
      label: 'Thêm bước',
      select: { kind: 'step', path: 'moi' },
    });
    expect(s.selection).toEqual({ kind: 'step', path: 'moi' });
    expect(editorReducer(s, { type: 'select', selection: { kind: 'step', path: 'moi' } })).toBe(s);
  });
});
