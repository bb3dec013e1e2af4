import type { Problem, UnitCatalog } from '../../../../engine/index.ts';
import type { CanvasModel } from '../../model/canvasModel.ts';
import type { DesignDoc } from '../../model/designDoc.ts';
import type { Selection } from '../../model/selection.ts';
import type { Exec } from '../editor/Editor.tsx';
import { useI18n } from '../I18n.tsx';
import { FormsPanel } from './FormsPanel.tsx';
import { ProcedurePanel } from './ProcedurePanel.tsx';
import { ProcedureSummary } from './ProcedureSummary.tsx';
import { StepPanel } from './StepPanel.tsx';
import { tabKeys } from '../a11y/tabKeys.ts';
import { TransitionPanel } from './TransitionPanel.tsx';

type Tab = 'properties' | 'procedure' | 'forms';

/** The right-hand panel in design mode: the selection's properties, the procedure, its e-forms. */
export function SidePanel({
  tab,
  onTab,
  doc,
  catalog,
  model,
  selection,
  multiCount,
  problems,
  exec,
  readOnly,
  onSelect,
  onDeleteSelection,
}: {
  tab: Tab;
  onTab: (tab: Tab) => void;
  doc: DesignDoc;
  catalog: UnitCatalog;
  model: CanvasModel;
  selection: Selection;
  multiCount: number;
  problems: readonly Problem[];
  exec: Exec;
  readOnly: boolean;
  onSelect: (selection: Selection) => void;
  onDeleteSelection: () => void;
}) {
  const { s, f } = useI18n();
  const tabs: [Tab, string][] = [
    ['properties', s.properties],
    ['procedure', s.procedureTab],
    ['forms', s.formsTab],
  ];
  const effective: Tab =
    selection.kind === 'procedure' ? 'procedure' : selection.kind === 'form' ? 'forms' : tab;
  const choose = (key: Tab) => {
    onTab(key);
    if (selection.kind === 'procedure' || selection.kind === 'form') onSelect({ kind: 'none' });
  };
  return (
    <aside className="side-panel" aria-label={s.properties}>
      <div
        className="tabs"
        role="tablist"
        aria-label={s.properties}
        onKeyDown={tabKeys(
          tabs.map(([key]) => key),
          effective,
          (key) => choose(key),
          (key) => `tab-${key}`,
        )}
      >
        {tabs.map(([key, label]) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`tab-${key}`}
            aria-selected={effective === key}
            aria-controls={`tabpanel-${key}`}
            tabIndex={effective === key ? 0 : -1}
            className={effective === key ? 'on' : ''}
            onClick={() => choose(key)}
          >
            {label}
          </button>
        ))}
      </div>
      <div
        className="tab-body"
        role="tabpanel"
        id={`tabpanel-${effective}`}
        aria-labelledby={`tab-${effective}`}
      >
        <fieldset className="panel-fieldset" disabled={readOnly}>
          {effective === 'procedure' ? (
            <ProcedurePanel
              procedure={doc.procedure}
              catalog={catalog}
              exec={exec}
              focus={selection.kind === 'procedure' ? selection.section : undefined}
            />
          ) : effective === 'forms' ? (
            <FormsPanel
              procedure={doc.procedure}
              exec={exec}
              focus={selection.kind === 'form' ? selection : undefined}
            />
          ) : multiCount > 1 ? (
            <div className="panel-section">
              <p>{f(s.selectedCount, { n: multiCount })}</p>
              <button type="button" className="btn btn-danger" onClick={onDeleteSelection}>
                {s.deleteSelection}
              </button>
            </div>
          ) : selection.kind === 'step' ? (
            <StepPanel
              key={selection.path}
              path={selection.path}
              doc={doc}
              catalog={catalog}
              model={model}
              problems={problems}
              exec={exec}
              onSelect={onSelect}
            />
          ) : selection.kind === 'transition' ? (
            <TransitionPanel
              key={`${selection.ref.source}|${selection.ref.kind}|${selection.ref.event}|${selection.ref.index}`}
              transitionRef={selection.ref}
              procedure={doc.procedure}
              model={model}
              problems={problems}
              exec={exec}
              onSelect={onSelect}
            />
          ) : (
            <ProcedureSummary procedure={doc.procedure} catalog={catalog} />
          )}
        </fieldset>
      </div>
    </aside>
  );
}
