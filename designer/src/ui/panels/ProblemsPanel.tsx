import { useState } from 'react';
import type { Problem, Procedure } from '../../../../engine/index.ts';
import { problemTarget } from '../../model/selection.ts';
import { getState, lastKey } from '../../model/statePaths.ts';
import { useI18n } from '../I18n.tsx';

/** Live validation: the engine's problems in Vietnamese; each one selects what it concerns. */
export function ProblemsPanel({
  procedure,
  problems,
  onShow,
}: {
  procedure: Procedure;
  problems: readonly Problem[];
  onShow: (problem: Problem) => void;
}) {
  const { s, f, lang, t } = useI18n();
  const [open, setOpen] = useState(true);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const where = (p: Problem) => {
    const target = problemTarget(procedure, p.path);
    if (target.kind === 'step')
      return t(getState(procedure.machine, target.path)?.meta?.name, lastKey(target.path));
    if (target.kind === 'transition') {
      const from =
        target.ref.source === ''
          ? s.anyStep
          : t(
              getState(procedure.machine, target.ref.source)?.meta?.name,
              lastKey(target.ref.source),
            );
      return `${from} → ${target.ref.event || s.kind_onDone}`;
    }
    if (target.kind === 'form') return t(procedure.forms[target.form]?.title, s.formsTab);
    return s.procedureTab;
  };
  return (
    <section
      className={`problems ${open ? 'is-open' : ''}`}
      aria-labelledby="problems-title"
      data-testid="problems"
    >
      <header>
        <button
          type="button"
          className="problems-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <span id="problems-title">{s.problems}</span>{' '}
          <span
            className={`badge ${errors > 0 ? 'badge-error' : problems.length > 0 ? 'badge-warning' : 'badge-ok'}`}
          >
            {problems.length === 0
              ? s.valid
              : f(s.problemSummary, { errors, warnings: problems.length - errors })}
          </span>
        </button>
      </header>
      {open ? (
        problems.length === 0 ? (
          <p className="problems-empty">{s.noProblems}</p>
        ) : (
          <ul className="problem-list">
            {problems.map((p, i) => (
              <li key={`${p.code}-${p.path}-${i}`}>
                <button
                  type="button"
                  className={`problem problem-${p.severity}`}
                  onClick={() => onShow(p)}
                  title={`${s.showProblem}: ${p.path}`}
                >
                  <span className={`sev sev-${p.severity}`}>
                    {p.severity === 'error' ? s.error : s.warning}
                  </span>
                  <span className="problem-where">{where(p)}</span>
                  <span className="problem-message">
                    {lang === 'en' ? p.message.en : p.message.vi}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
