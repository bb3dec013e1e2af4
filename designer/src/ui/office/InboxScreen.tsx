import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, type User } from '../../api/client.ts';
import { dossierApi, type DossierListItem, type InboxQuery } from '../../api/dossiers.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { tabKeys } from '../a11y/tabKeys.ts';
import { useI18n } from '../I18n.tsx';
import { ErrorAlert } from '../controls.tsx';
import { Filters, FilterSelect, SearchField } from '../Filters.tsx';
import { isReceptionist } from '../TopBar.tsx';
import { navigate } from '../useRoute.ts';
import { OfficePage, type OfficeScreenProps } from './OfficePage.tsx';
import { unitName } from './officeText.ts';
import { TableScroll } from './TableScroll.tsx';
import { TimelinessBadge } from './TimelinessBadge.tsx';
import { useProcedureList } from './useProcedureList.ts';

type Tab = 'mine' | 'online' | 'unit' | 'received' | 'overdue' | 'done' | 'all';

/** The filters each tab of the inbox stands for. */
function tabQuery(tab: Tab, user: User): InboxQuery {
  const unit = user.unitId ?? undefined;
  switch (tab) {
    case 'mine':
      return { mine: true, status: 'active', sort: 'due' };
    case 'online':
      // The online queue: submitted by citizens, waiting for this desk to accept them.
      return { mine: true, status: 'active', channel: 'online', accepted: false };
    case 'unit':
      return { unit, status: 'active', sort: 'due' };
    case 'received':
      return { receivedBy: unit };
    case 'overdue':
      return user.isAdmin ? { overdue: true, sort: 'due' } : { unit, overdue: true, sort: 'due' };
    case 'done':
      return user.isAdmin ? { status: 'done' } : { unit, status: 'done' };
    case 'all':
      return {};
    default: {
      const never: never = tab;
      throw new Error(`unknown tab ${String(never)}`);
    }
  }
}

/** The officers' inbox: dossiers waiting for the user's unit and roles, by deadline colour. */
export function InboxScreen({ user, catalog, onSignOut }: OfficeScreenProps) {
  const { s, f, t, lang } = useI18n();
  const [tab, setTab] = useState<Tab>('mine');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [procedure, setProcedure] = useState('');
  const procedures = useProcedureList() ?? [];

  // Search as the officer types, a moment after the last key.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);

  const query: InboxQuery = {
    ...tabQuery(tab, user),
    ...(search ? { q: search } : {}),
    ...(procedure ? { procedure } : {}),
  };
  // A page at a time under the filters' key: another tab or search starts from its first page.
  const inbox = useInfiniteQuery({
    queryKey: ['dossiers', query],
    queryFn: ({ pageParam }) =>
      dossierApi.list(pageParam ? { ...query, cursor: pageParam } : query),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    retry: false,
  });
  const items: readonly DossierListItem[] | undefined = inbox.data?.pages.flatMap((p) => p.items);
  const next = inbox.hasNextPage ? (inbox.data?.pages.at(-1)?.nextCursor ?? null) : null;
  const error = inbox.error
    ? inbox.error instanceof ApiError
      ? inbox.error.message
      : String(inbox.error)
    : undefined;
  const more = () => void inbox.fetchNextPage();

  const tabs: [Tab, string][] = [
    ['mine', s.tabMine],
    ['unit', s.tabUnit],
    ...(isReceptionist(user) ? ([['received', s.tabReceived]] as [Tab, string][]) : []),
    ...(isReceptionist(user) ? ([['online', s.tabOnline]] as [Tab, string][]) : []),
    ['overdue', s.tabOverdue],
    ['done', s.tabDone],
    ...(user.isAdmin ? ([['all', s.tabAll]] as [Tab, string][]) : []),
  ];

  return (
    <OfficePage
      user={user}
      onSignOut={onSignOut}
      title={s.inboxTitle}
      intro={`${s.inboxIntro}${user.unitId ? ` · ${unitName(catalog, user.unitId, t)}` : ''}`}
    >
      <div
        className="office-tabs"
        role="tablist"
        aria-label={s.inboxTitle}
        // The tabs pattern: arrows move between tabs (and select), Home and End to the ends.
        onKeyDown={tabKeys(
          tabs.map(([id]) => id),
          tab,
          setTab,
          (id) => `inbox-tab-${id}`,
        )}
      >
        {tabs.map(([id, label]) => (
          <button
            key={id}
            id={`inbox-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls="inbox-panel"
            tabIndex={tab === id ? 0 : -1}
            className={tab === id ? 'active' : undefined}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div id="inbox-panel" role="tabpanel" aria-labelledby={`inbox-tab-${tab}`}>
        <Filters>
          <SearchField id="inbox-search" placeholder={s.searchDossier} value={q} onChange={setQ} />
          <FilterSelect
            id="inbox-procedure"
            label={s.colProcedure}
            all={s.allProcedures}
            value={procedure}
            options={procedures.map((p) => ({ value: p.id, label: t(p.name) }))}
            onChange={setProcedure}
          />
        </Filters>
        <ErrorAlert message={error} />
        {items === undefined && !error ? <p>{s.loading}</p> : null}
        {items ? (
          <>
            <p className="muted small" aria-live="polite">
              {f(s.dossierCount, { n: items.length })}
              {next ? '+' : ''}
            </p>
            <TableScroll label={s.inboxTitle}>
              <table className="table library-table inbox-table">
                <thead>
                  <tr>
                    <th scope="col">{s.colCode}</th>
                    <th scope="col">{s.colApplicant}</th>
                    <th scope="col">{s.colProcedure}</th>
                    <th scope="col">{s.colStep}</th>
                    <th scope="col">{s.colReceived}</th>
                    <th scope="col">{s.colDue}</th>
                    <th scope="col">{s.colState}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((d) => (
                    <tr key={d.id} className={d.timeliness ? `row-t-${d.timeliness}` : undefined}>
                      <td>
                        <a
                          className="proc-link"
                          href={`/dossiers/${d.id}`}
                          onClick={(e) => {
                            e.preventDefault();
                            navigate({ name: 'dossier', id: d.id });
                          }}
                        >
                          {d.code}
                        </a>
                      </td>
                      <td>{d.applicant}</td>
                      <td>{t(d.procedure.name ?? undefined, d.procedure.id)}</td>
                      <td>
                        {d.status === 'done' || d.currentSteps.length === 0
                          ? t(d.statusText)
                          : d.currentSteps.map((st, i) => (
                              <div key={i}>
                                {t(st.name)}
                                {st.due ? (
                                  <span className="muted small nowrap">
                                    {' '}
                                    · {s.stepDueLabel.toLowerCase()}{' '}
                                    {formatDateTime(st.due, lang, false)}
                                  </span>
                                ) : null}
                              </div>
                            ))}
                      </td>
                      <td className="nowrap">{formatDate(d.receivedAt, lang)}</td>
                      <td className="nowrap">
                        {d.appointmentDate ? formatDateTime(d.appointmentDate, lang, false) : '—'}
                      </td>
                      <td>
                        {/* No deadline to stand against (waiting for a supplement before the
                          clock starts): the status says where it is instead of an empty cell. */}
                        {d.timeliness ? (
                          <TimelinessBadge value={d.timeliness} />
                        ) : (
                          <span className="small">{t(d.statusText)}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                  {items.length === 0 ? (
                    <tr>
                      <td colSpan={7} className="empty">
                        {s.noDossiers}
                      </td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </TableScroll>
            {next ? (
              <p>
                <button type="button" className="btn" onClick={more}>
                  {s.loadMore}
                </button>
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </OfficePage>
  );
}
