import { useRef, useState } from 'react';
import type { Procedure, UnitCatalog } from '../../../../engine/index.ts';
import { api, ApiError, type ProcedureSummary, type User } from '../../api/client.ts';
import { formatWorkingTime } from '../../i18n/format.ts';
import { Badge } from '../controls.tsx';
import { Filters, FilterSelect, SearchField } from '../Filters.tsx';
import { useI18n } from '../I18n.tsx';
import { TopBar } from '../TopBar.tsx';
import { useHeadingFocus, usePageTitle } from '../a11y/pageTitle.ts';
import { useProcedureSearch } from '../office/useProcedureList.ts';
import { NewProcedureDialog } from './NewProcedureDialog.tsx';
import { PublicationBadges } from './PublicationBadges.tsx';

/** Rows asked of the server at a time. */
const PAGE_SIZE = 100;

/** The procedure library: search, filter, open, create from the template, duplicate. */
export function LibraryScreen({
  user,
  catalog,
  onOpen,
  onCreate,
  onSignOut,
}: {
  user: User;
  catalog: UnitCatalog;
  onOpen: (id: string) => void;
  onCreate: (procedure: Procedure) => void;
  onSignOut: () => void;
}) {
  const { s, f, t, lang } = useI18n();
  const main = useRef<HTMLElement>(null);
  usePageTitle(s.library);
  useHeadingFocus(main);
  const [query, setQuery] = useState('');
  const [level, setLevel] = useState('');
  const [field, setField] = useState('');
  const [dialog, setDialog] = useState<
    { mode: 'new' } | { mode: 'duplicate'; id: string } | undefined
  >(undefined);
  // Every id of the library, read when the new-procedure dialog opens (a new id must differ).
  const [taken, setTaken] = useState<ReadonlySet<string> | undefined>(undefined);
  const [takenError, setTakenError] = useState<string | undefined>(undefined);

  // Searched, filtered and paged on the server: a province's library has thousands.
  const search = useProcedureSearch({ q: query.trim(), level, field }, PAGE_SIZE);
  const page = search.page;
  const error =
    (search.error === undefined
      ? undefined
      : search.error instanceof ApiError
        ? search.error.message
        : String(search.error)) ?? takenError;
  // Drafts of procedures never published come last, once every published one is shown.
  const items: (ProcedureSummary & { unpublished?: boolean })[] | undefined = page
    ? [
        ...search.items,
        ...(search.items.length < page.total
          ? []
          : page.drafts.map((d) => ({ ...d, unpublished: true }))),
      ]
    : undefined;
  const fields = page?.fields ?? [];
  const shown = items ?? [];
  const total = page ? page.total + page.drafts.length : 0;

  const openDialog = (next: { mode: 'new' } | { mode: 'duplicate'; id: string }) => {
    setTakenError(undefined);
    api.procedurePage({ ids: true, limit: 1 }).then(
      (r) => {
        setTaken(new Set(r.ids ?? []));
        setDialog(next);
      },
      (e: unknown) => setTakenError(e instanceof ApiError ? e.message : String(e)),
    );
  };
  const levelName = (id: string) => t(catalog.levels.find((l) => l.id === id)?.name, id);

  return (
    <div className="page">
      <TopBar user={user} onSignOut={onSignOut} title={s.library} />
      <main className="library" aria-labelledby="library-title" ref={main}>
        <div className="library-head">
          <div>
            <h1 id="library-title">{s.library}</h1>
            <p className="muted">{s.libraryIntro}</p>
          </div>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => openDialog({ mode: 'new' })}
          >
            + {s.newProcedure}
          </button>
        </div>
        <Filters>
          <SearchField
            id="lib-search"
            placeholder={s.searchPlaceholder}
            value={query}
            onChange={setQuery}
          />
          <FilterSelect
            id="lib-level"
            label={s.level}
            all={s.allLevels}
            value={level}
            options={catalog.levels.map((l) => ({ value: l.id, label: t(l.name) }))}
            onChange={setLevel}
          />
          <FilterSelect
            id="lib-field"
            label={s.field}
            all={s.allFields}
            value={field}
            options={fields.map((x) => ({ value: x, label: x }))}
            onChange={setField}
          />
        </Filters>
        {error ? (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        ) : null}
        {items === undefined && !error ? <p>{s.loading}</p> : null}
        {items !== undefined ? (
          <>
            <p className="muted small" aria-live="polite">
              {f(s.procedureCount, { n: total })}
            </p>
            <table className="table library-table">
              <thead>
                <tr>
                  <th scope="col">{s.procedureName}</th>
                  <th scope="col">{s.level}</th>
                  <th scope="col">{s.field}</th>
                  <th scope="col" className="num">
                    {s.deadline}
                  </th>
                  <th scope="col" className="num">
                    {s.steps}
                  </th>
                  <th scope="col">{s.status}</th>
                  <th scope="col">
                    <span className="sr-only">{s.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <a
                        className="proc-link"
                        href={`/procedures/${i.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          onOpen(i.id);
                        }}
                      >
                        {t(i.name)}
                      </a>
                      <div className="muted small">
                        {i.code ? `${s.code} ${i.code} · ` : ''}
                        <code>{i.id}</code>
                      </div>
                    </td>
                    <td>{levelName(i.level)}</td>
                    <td>{i.field}</td>
                    <td className="num">{formatWorkingTime(i.deadline, s, lang, true)}</td>
                    <td className="num">{i.steps}</td>
                    <td>
                      {i.errors === 0 && i.warnings === 0 ? (
                        <Badge tone="ok">{s.valid}</Badge>
                      ) : null}
                      {i.errors > 0 ? (
                        <Badge tone="error">{f(s.errorsCount, { n: i.errors })}</Badge>
                      ) : null}{' '}
                      {i.warnings > 0 ? (
                        <Badge tone="warning">{f(s.warningsCount, { n: i.warnings })}</Badge>
                      ) : null}
                      <PublicationBadges item={i} />
                    </td>
                    <td className="row-actions">
                      <button type="button" className="btn btn-small" onClick={() => onOpen(i.id)}>
                        {s.open}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small btn-ghost"
                        onClick={() => openDialog({ mode: 'duplicate', id: i.id })}
                      >
                        {s.duplicate}
                      </button>
                    </td>
                  </tr>
                ))}
                {shown.length === 0 ? (
                  <tr>
                    <td colSpan={7} className="empty">
                      {s.noProcedures}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
            {search.more ? (
              <p>
                <button type="button" className="btn" onClick={search.more}>
                  {s.loadMore}
                </button>
              </p>
            ) : null}
          </>
        ) : null}
      </main>
      {dialog ? (
        <NewProcedureDialog
          mode={dialog.mode}
          sourceId={dialog.mode === 'duplicate' ? dialog.id : undefined}
          catalog={catalog}
          defaultLevel={catalog.units.find((u) => u.id === user.unitId)?.level}
          taken={taken ?? new Set()}
          onClose={() => setDialog(undefined)}
          onCreate={(p) => {
            setDialog(undefined);
            onCreate(p);
          }}
        />
      ) : null}
    </div>
  );
}
