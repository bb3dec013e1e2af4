import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { accessLogApi, type AccessLogEntry } from '../../api/accessLog.ts';
import { ApiError } from '../../api/client.ts';
import { slipTitles, type SlipKind } from '../../../../engine/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ErrorAlert } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { OfficePage, type OfficeScreenProps } from '../office/OfficePage.tsx';
import { RouteLink } from '../RouteLink.tsx';

/**
 * The log of access to citizens' personal data (nhật ký truy cập dữ liệu cá nhân), for
 * administrators: who opened, printed or downloaded which dossier when, newest first, filtered
 * by dossier code and by username.
 */
export function AccessLogScreen({ user, onSignOut }: OfficeScreenProps) {
  const { s, t, lang } = useI18n();
  const [dossier, setDossier] = useState('');
  const [username, setUsername] = useState('');
  // The filters as last submitted: the newest entries when the page opens.
  const [applied, setApplied] = useState({ dossier: '', user: '' });
  const log = useInfiniteQuery({
    queryKey: ['accessLog', applied],
    queryFn: ({ pageParam }) =>
      accessLogApi.list({ ...applied, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // A new filter keeps the rows shown until its answer replaces them.
    placeholderData: keepPreviousData,
    enabled: user.isAdmin,
    retry: false,
  });
  const items = log.data?.pages.flatMap((page) => page.items);
  const error = log.error;
  const failure =
    error === null
      ? undefined
      : error instanceof ApiError && error.status === 403
        ? s.accessLogForbidden
        : error.message;

  // Filters apply on submit; the same filters submitted again ask again.
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = { dossier: dossier.trim(), user: username.trim() };
    if (next.dossier === applied.dossier && next.user === applied.user) void log.refetch();
    else setApplied(next);
  };
  const actionName: Record<AccessLogEntry['action'], string> = {
    view: s.accessView,
    print: s.accessPrint,
    export: s.accessExport,
    file: s.accessFile,
  };

  return (
    <OfficePage user={user} onSignOut={onSignOut} title={s.accessLogTitle} intro={s.accessLogIntro}>
      {user.isAdmin ? (
        <>
          <form className="filters" onSubmit={submit} aria-label={s.accessLogFilters}>
            <div className="field">
              <label htmlFor="access-dossier">{s.accessDossier}</label>
              <input
                id="access-dossier"
                value={dossier}
                placeholder="X01.01-260302-0001"
                onChange={(e) => setDossier(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="access-user">{s.accessUser}</label>
              <input
                id="access-user"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            </div>
            <button type="submit" className="btn btn-primary">
              {s.accessFilter}
            </button>
          </form>
          <ErrorAlert message={failure} />
          {items === undefined && !failure ? <p>{s.loading}</p> : null}
          {items && items.length === 0 ? <p className="muted">{s.accessNone}</p> : null}
          {items && items.length > 0 ? (
            <div className="table-scroll" tabIndex={0} aria-label={s.accessLogTitle}>
              <table className="table library-table">
                <thead>
                  <tr>
                    <th scope="col">{s.accessAt}</th>
                    <th scope="col">{s.accessUser}</th>
                    <th scope="col">{s.accessDossier}</th>
                    <th scope="col">{s.accessAction}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.id}>
                      <td>{formatDateTime(i.at, lang, false)}</td>
                      <td>
                        {i.user.displayName ?? i.user.id}
                        {i.user.username ? (
                          <span className="muted"> ({i.user.username})</span>
                        ) : null}
                      </td>
                      <td>
                        <RouteLink route={{ name: 'dossier', id: i.dossier.id }}>
                          {i.dossier.code ?? i.dossier.id}
                        </RouteLink>
                      </td>
                      <td>
                        {actionName[i.action] ?? i.action}
                        {i.detail ? (
                          <span className="muted">
                            {' '}
                            —{' '}
                            {i.detail in slipTitles
                              ? t(slipTitles[i.detail as SlipKind])
                              : i.detail}
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {log.hasNextPage ? (
            <button
              type="button"
              className="btn"
              disabled={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {s.accessMore}
            </button>
          ) : null}
        </>
      ) : (
        <ErrorAlert message={s.accessLogForbidden} />
      )}
    </OfficePage>
  );
}
