import { useEffect, useState, type FormEvent } from 'react';
import { formatVnd, formatWorkingTime } from '../../i18n/format.ts';
import { fill } from '../../i18n/strings.ts';
import { usePageTitle } from '../a11y/pageTitle.ts';
import { ErrorAlert } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { AppLink } from './CitizenApp.tsx';
import { useCatalog } from './citizenQueries.ts';
import { onlineLevel } from './onlineText.ts';

const PAGE_SIZE = 20;

/**
 * The public catalog (niêm yết công khai): searched and paged on the server, accents and case
 * ignored; printable.
 */
export function CatalogScreen() {
  const { s, t, lang } = useI18n();
  const params = new URLSearchParams(location.search);
  const [q, setQ] = useState(params.get('q') ?? '');
  const [field, setField] = useState(params.get('field') ?? '');
  const [query, setQuery] = useState({ q, field, page: Number(params.get('page')) || 1 });
  const catalog = useCatalog(query, PAGE_SIZE);
  const page = catalog.data;
  const error = catalog.error ? catalog.error.message : undefined;
  usePageTitle(s.catalogTitle);

  // The address keeps the search, so that it can be shared and survives a reload.
  useEffect(() => {
    const search = new URLSearchParams();
    if (query.q) search.set('q', query.q);
    if (query.field) search.set('field', query.field);
    if (query.page > 1) search.set('page', String(query.page));
    const next = `${location.pathname}${search.size ? `?${search}` : ''}`;
    if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
  }, [query]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ q: q.trim(), field, page: 1 });
  };
  const pages = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;

  return (
    <main className="citizen-main" aria-labelledby="catalog-title">
      <h1 id="catalog-title">{s.catalogTitle}</h1>
      <p className="muted">{s.catalogIntro}</p>
      <form className="citizen-search no-print" role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor="catalog-q">{s.catalogSearch}</label>
          <input
            id="catalog-q"
            type="search"
            value={q}
            placeholder={s.catalogSearchHint}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="catalog-field">{s.catalogField}</label>
          <select
            id="catalog-field"
            value={field}
            onChange={(e) => {
              setField(e.target.value);
              setQuery({ q: q.trim(), field: e.target.value, page: 1 });
            }}
          >
            <option value="">{s.catalogAllFields}</option>
            {page?.fields.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary btn-block">
          {s.catalogSearch}
        </button>
      </form>
      <ErrorAlert message={error} />
      {page ? (
        <>
          <p className="citizen-count" aria-live="polite">
            {page.total === 0 ? s.catalogNone : fill(s.catalogFound, { n: page.total })}
          </p>
          <ul className="catalog-list">
            {page.items.map((p) => (
              <li key={p.id} className="card catalog-item">
                <h2>
                  <AppLink to={{ name: 'publicProcedure', id: p.id }}>{t(p.name)}</AppLink>
                </h2>
                <p className="muted small">
                  {p.code ? `${p.code} · ` : ''}
                  {p.field}
                </p>
                <p className="catalog-facts">
                  <span className={`online-badge online-${p.onlineService}`}>
                    {onlineLevel(p.onlineService, s)}
                  </span>
                  <span>
                    {s.procedureDeadline}: {formatWorkingTime(p.deadline, s, lang, true)}
                  </span>
                  <span>
                    {s.procedureFees}:{' '}
                    {p.feeVnd > 0
                      ? p.feeVaries
                        ? fill(s.feeFrom, { amount: formatVnd(p.feeVnd, s, lang) })
                        : formatVnd(p.feeVnd, s, lang)
                      : s.feeFree}
                  </span>
                </p>
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav
              className="citizen-pager no-print"
              aria-label={fill(s.catalogPageOf, { page: page.page, pages })}
            >
              <button
                type="button"
                className="btn"
                disabled={page.page <= 1}
                onClick={() => setQuery({ ...query, page: page.page - 1 })}
              >
                {s.catalogPrev}
              </button>
              <span>{fill(s.catalogPageOf, { page: page.page, pages })}</span>
              <button
                type="button"
                className="btn"
                disabled={page.page >= pages}
                onClick={() => setQuery({ ...query, page: page.page + 1 })}
              >
                {s.catalogNext}
              </button>
            </nav>
          ) : null}
          <button type="button" className="btn no-print" onClick={() => print()}>
            {s.catalogPrint}
          </button>
        </>
      ) : (
        <p className="muted">{s.loading}</p>
      )}
    </main>
  );
}
