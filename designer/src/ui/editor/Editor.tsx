import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { type Problem, type Procedure, type UnitCatalog } from '../../../../engine/index.ts';
import { canDesign, type User } from '../../api/client.ts';
import { autoLayout } from '../../layout/autoLayout.ts';
import { computeGeometry } from '../../layout/geometry.ts';
import { toCanvas } from '../../model/canvasModel.ts';
import type { Command } from '../../model/commands.ts';
import type { Layout } from '../../model/designDoc.ts';
import { editorReducer, initialEditorState } from '../../model/editorState.ts';
import { problemStep, problemTarget, type Selection } from '../../model/selection.ts';
import { entryList } from '../../model/transitionCommands.ts';
import { parseRefKey } from '../../model/transitionRefs.ts';
import type { Counts, Highlight } from '../canvas/buildFlow.ts';
import { ProcedureCanvas, type CanvasHandle } from '../canvas/ProcedureCanvas.tsx';
import { useI18n } from '../I18n.tsx';
import { TopBar } from '../TopBar.tsx';
import { useHeadingFocus, usePageTitle } from '../a11y/pageTitle.ts';
import { tabKeys } from '../a11y/tabKeys.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { ConflictDialog, SaveBanner } from './SaveMessages.tsx';
import { useEditingActions } from './useEditingActions.ts';
import { PublicationBar } from './PublicationBar.tsx';
import { useLeaveGuard } from './useLeaveGuard.ts';
import { useCanvasEditing } from './useCanvasEditing.ts';
import { CanvasBar } from '../canvas/CanvasBar.tsx';
import { useSave, type Saved } from './useSave.ts';
import { useValidation } from './useValidation.ts';
import { ConnectDialog } from '../panels/ConnectDialog.tsx';
import { ProblemsPanel } from '../panels/ProblemsPanel.tsx';
import { SidePanel } from '../panels/SidePanel.tsx';
import { SimplifyPanel } from '../panels/SimplifyPanel.tsx';
import { useComparison, type Baseline } from '../panels/useComparison.ts';
import { SimulatorPanel } from '../panels/SimulatorPanel.tsx';

export type { Saved } from './useSave.ts';

/** The editor's working mode. */
export type Mode = 'design' | 'simulate' | 'simplify';
const MODES: readonly Mode[] = ['design', 'simulate', 'simplify'];

/** Run a command from a panel: the label names it in undo/redo; a merge key joins typing. */
export type Exec = (command: Command, label: string, mergeKey?: string, select?: Selection) => void;

/** The procedure editor: canvas, properties, validation, save, simulation and simplification. */
export function Editor({
  id,
  user,
  catalog,
  initial,
  saved: savedAtLoad,
  onSaved,
  onReload,
  onBack,
  onSignOut,
  onSessionExpired,
}: {
  id: string;
  user: User;
  catalog: UnitCatalog;
  initial: { procedure: Procedure; layout: Layout };
  saved: Saved;
  onSaved: () => void;
  onReload: () => void;
  onBack: () => void;
  onSignOut: () => void;
  onSessionExpired: () => void;
}) {
  const { s, f, lang, t } = useI18n();
  const [state, dispatch] = useReducer(editorReducer, initial, initialEditorState);
  const [mode, setMode] = useState<Mode>('design');
  const [tab, setTab] = useState<'properties' | 'procedure' | 'forms'>('properties');
  const [connecting, setConnecting] = useState<{ source: string; target: string } | undefined>(
    undefined,
  );
  const [active, setActive] = useState<ReadonlySet<string>>(new Set());
  const [minimap, setMinimap] = useState(false);
  const [simRequest, setSimRequest] = useState<{ event: string; nonce: number } | undefined>();
  const canvas = useRef<CanvasHandle>(null);
  const page = useRef<HTMLDivElement>(null);
  const doc = state.history.present;
  const { procedure } = doc;
  const modeName = (m: Mode) =>
    m === 'design' ? s.modeDesign : m === 'simulate' ? s.modeSimulate : s.modeSimplify;
  usePageTitle(`${t(procedure.name) || procedure.id} · ${modeName(mode)}`);
  useHeadingFocus(page);

  // Another mode changes the panel's width and what the canvas shows: frame the diagram again.
  const firstMode = useRef(true);
  useEffect(() => {
    if (firstMode.current) {
      firstMode.current = false;
      return;
    }
    if (mode !== 'design') dispatch({ type: 'select', selection: { kind: 'none' } });
    const frame = requestAnimationFrame(() => canvas.current?.fitReadable());
    return () => cancelAnimationFrame(frame);
  }, [mode]);

  const exec = useCallback<Exec>(
    (command, label, mergeKey, select) =>
      dispatch({ type: 'exec', command, label, mergeKey, select }),
    [],
  );

  // Live validation with the engine, in a worker so typing stays fluid on large procedures and
  // the first paint of the canvas does not wait for it.
  const { saved, setSaved, status, setStatus, conflict, setConflict, dirty, save } = useSave(
    id,
    user,
    doc,
    savedAtLoad,
    {
      onSaved: () => {
        dispatch({ type: 'seal' });
        onSaved();
      },
      onSessionExpired,
    },
  );
  useLeaveGuard(`/procedures/${id}`, dirty, s.leaveUnsaved);
  const { problems, checked } = useValidation(procedure, catalog);
  const checking = checked !== procedure;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const counts = useMemo(() => {
    const out = new Map<string, Counts>();
    for (const p of problems) {
      const path = checked ? problemStep(checked, p.path) : undefined;
      if (path === undefined) continue;
      const c = out.get(path) ?? { errors: 0, warnings: 0 };
      out.set(
        path,
        p.severity === 'error'
          ? { ...c, errors: c.errors + 1 }
          : { ...c, warnings: c.warnings + 1 },
      );
    }
    return out;
  }, [problems, checked]);

  const savedBaseline = useMemo<Baseline | undefined>(
    () =>
      saved.procedure
        ? { procedure: saved.procedure, layout: saved.layout, source: 'saved' }
        : undefined,
    [saved.procedure, saved.layout],
  );
  const [chosen, setChosen] = useState<Baseline | undefined | 'saved'>('saved');
  const baseline = chosen === 'saved' ? savedBaseline : chosen;
  // The other side of the comparison: the copy being edited, or a chosen version.
  const [after, setAfter] = useState<Baseline | undefined>(undefined);
  const compared = useMemo(
    () => (after && after.layout ? { procedure: after.procedure, layout: after.layout } : doc),
    [after, doc],
  );
  const comparison = useComparison(baseline, compared, mode === 'simplify');
  const ownModel = useMemo(() => toCanvas(procedure), [procedure]);
  const ownGeometry = useMemo(() => computeGeometry(ownModel, doc.layout), [ownModel, doc.layout]);
  const model = comparison.model ?? ownModel;
  const geometry = comparison.geometry ?? ownGeometry;

  const highlights = useMemo<ReadonlyMap<string, Highlight>>(() => {
    if (mode === 'simplify') return comparison.highlights;
    if (mode === 'simulate') return new Map([...active].map((p) => [p, 'active' as const]));
    return new Map();
  }, [mode, comparison.highlights, active]);

  const mayEdit = canDesign(user);
  const readOnly = mode !== 'design';

  const { addStep, addParallel, deleteSelection } = useEditingActions({
    state,
    dispatch,
    exec,
    procedure,
    geometry,
    catalog,
    mode,
    save,
  });

  const stepPaths = useMemo(
    () => ownModel.states.filter((x) => x.children.length === 0).map((x) => x.path),
    [ownModel],
  );
  const connectTo = useCallback(
    (source: string, target: string) => setConnecting({ source, target }),
    [],
  );
  const canvasEditing = useCanvasEditing({
    procedure,
    geometry,
    exec,
    dispatch,
    editable: mayEdit && mode === 'design',
    onConnect: connectTo,
    addParallel,
    padFor:
      state.selection.kind === 'step' &&
      state.multi.steps.length + state.multi.transitions.length <= 1
        ? state.selection.path
        : undefined,
  });

  const showProblem = useCallback(
    (p: Problem) => {
      const target = problemTarget(procedure, p.path);
      dispatch({ type: 'select', selection: target });
      if (target.kind === 'procedure') setTab('procedure');
      else if (target.kind === 'form') setTab('forms');
      else setTab('properties');
      const path =
        target.kind === 'step'
          ? target.path
          : target.kind === 'transition'
            ? target.ref.source
            : undefined;
      if (path) canvas.current?.reveal(path);
    },
    [procedure],
  );

  const autoArrange = useCallback(async () => {
    const layout = await autoLayout(procedure);
    exec({ type: 'setLayout', layout }, s.cmd_setLayout);
    canvas.current?.fit();
  }, [procedure, exec, s]);

  const flow = useMemo(
    () => ({
      procedure,
      catalog,
      s,
      lang,
      counts: mode === 'design' ? counts : new Map<string, Counts>(),
      selection: state.selection,
      multi: state.multi,
      highlights,
      edgeHighlights:
        mode === 'simplify' ? comparison.edgeHighlights : new Map<string, 'added' | 'changed'>(),
      ghosts: [],
    }),
    [
      procedure,
      catalog,
      s,
      lang,
      counts,
      state.selection,
      state.multi,
      highlights,
      mode,
      comparison.edgeHighlights,
    ],
  );

  return (
    <div className={`page editor mode-${mode}`} ref={page}>
      <TopBar
        user={user}
        onSignOut={onSignOut}
        nav={false}
        title={
          <nav aria-label={s.breadcrumb} className="crumbs">
            <a
              href="/"
              onClick={(e) => {
                e.preventDefault();
                onBack();
              }}
            >
              {s.backToLibrary}
            </a>
            <span aria-hidden="true"> / </span>
            <h1 className="crumb-current">{t(procedure.name)}</h1>
          </nav>
        }
      >
        <div
          className="modes"
          role="tablist"
          aria-label={s.modes}
          onKeyDown={tabKeys(MODES, mode, setMode, (m) => `mode-${m}`)}
        >
          {MODES.map((m) => (
            <button
              key={m}
              id={`mode-${m}`}
              type="button"
              role="tab"
              aria-selected={mode === m}
              tabIndex={mode === m ? 0 : -1}
              className={mode === m ? 'on' : ''}
              onClick={() => setMode(m)}
            >
              {modeName(m)}
            </button>
          ))}
        </div>
      </TopBar>
      <EditorToolbar
        mode={mode}
        user={user}
        mayEdit={mayEdit}
        history={state.history}
        errors={errors}
        warnings={warnings}
        checking={checking}
        firstCheck={checked === null}
        dirty={dirty}
        isNew={!saved.procedure}
        status={status}
        onAddStep={addStep}
        onAddParallel={addParallel}
        onUndo={() => dispatch({ type: 'undo' })}
        onRedo={() => dispatch({ type: 'redo' })}
        onAutoLayout={() => void autoArrange()}
        onSave={() => void save()}
      />
      <PublicationBar
        id={id}
        user={user}
        saved={saved}
        dirty={dirty}
        onChange={(next) => setSaved((prev) => ({ ...prev, ...next }))}
      />
      <SaveBanner status={status} dirty={dirty} onClose={() => setStatus({ kind: 'idle' })} />
      <main className="workspace" id="main">
        <section className="canvas-area" aria-label={s.canvasLabel}>
          <ReactFlowProvider>
            <CanvasBar
              procedure={procedure}
              steps={stepPaths}
              editable={mayEdit && mode === 'design'}
              showShortcuts={mode === 'design'}
              onAdd={(shape) => (shape === 'parallel' ? addParallel() : addStep(shape === 'final'))}
              minimap={minimap}
              onMinimap={setMinimap}
              onFound={(path) => {
                if (mode === 'design')
                  dispatch({ type: 'select', selection: { kind: 'step', path } });
                canvas.current?.reveal(path);
              }}
            />
            <ProcedureCanvas
              ref={canvas}
              model={model}
              geometry={geometry}
              flow={flow}
              readOnly={readOnly || !mayEdit}
              onSelect={(selection, multi) => {
                // While simulating, a click on an arrow fires its event.
                if (mode === 'simulate' && selection.kind === 'transition') {
                  if (selection.ref.kind === 'on')
                    setSimRequest({ event: selection.ref.event, nonce: Date.now() });
                  return;
                }
                dispatch({ type: 'select', selection, ...(multi ? { multi } : {}) });
              }}
              onMove={(positions) => exec({ type: 'moveNodes', positions }, s.cmd_moveNodes)}
              onConnect={connectTo}
              onDropShape={canvasEditing.dropShape}
              onSelectAll={canvasEditing.selectAll}
              actions={canvasEditing.actions}
              showMinimap={minimap}
              onRetarget={(edgeId, target) => {
                const parts = edgeId.split('|');
                const ref = parseRefKey(parts.slice(0, 4).join('|'));
                if (ref)
                  exec(
                    { type: 'retarget', ref, targetIndex: Number(parts[4] ?? 0), target },
                    s.cmd_retarget,
                  );
              }}
              onDelete={(steps, transitionIds) => {
                const refs = transitionIds.flatMap((e) => {
                  const ref = parseRefKey(e.split('|').slice(0, 4).join('|'));
                  return ref ? [ref] : [];
                });
                exec(
                  { type: 'deleteSelection', steps, transitions: refs },
                  s.cmd_deleteSelection,
                  undefined,
                  {
                    kind: 'none',
                  },
                );
              }}
            />
          </ReactFlowProvider>
          {mode === 'design' ? (
            <ProblemsPanel procedure={procedure} problems={problems} onShow={showProblem} />
          ) : null}
        </section>
        {mode === 'design' ? (
          <SidePanel
            tab={tab}
            onTab={setTab}
            doc={doc}
            catalog={catalog}
            model={model}
            selection={state.selection}
            multiCount={state.multi.steps.length + state.multi.transitions.length}
            problems={problems}
            exec={exec}
            readOnly={!mayEdit}
            onSelect={(selection) => dispatch({ type: 'select', selection })}
            onDeleteSelection={deleteSelection}
          />
        ) : mode === 'simulate' ? (
          <SimulatorPanel
            procedure={procedure}
            catalog={catalog}
            errors={errors}
            onActive={setActive}
            request={simRequest}
          />
        ) : (
          <SimplifyPanel
            id={id}
            doc={compared}
            catalog={catalog}
            view={comparison}
            after={after}
            onAfter={setAfter}
            saved={savedBaseline}
            onBaseline={(b) => setChosen(b && b.source === 'saved' ? 'saved' : b)}
          />
        )}
      </main>
      {connecting ? (
        <ConnectDialog
          procedure={procedure}
          source={connecting.source}
          target={connecting.target}
          onClose={() => setConnecting(undefined)}
          onConnect={(args) => {
            setConnecting(undefined);
            const kind = args.kind ?? 'on';
            const event = kind === 'on' ? (args.event ?? '') : '';
            const existing = entryList(procedure, args.source, kind, event).length;
            exec({ type: 'connect', ...args }, s.cmd_connect, undefined, {
              kind: 'transition',
              ref: { source: args.source, kind, event, index: existing === 0 ? null : existing },
            });
          }}
        />
      ) : null}
      {conflict ? <ConflictDialog onKeep={() => setConflict(false)} onReload={onReload} /> : null}
    </div>
  );
}
