import { useCallback, useEffect, useState, type FormEvent } from 'react';
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
  const [items, setItems] = useState<AccessLogEntry[] | undefined>(undefined);
  const [next, setNext] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  const load = useCallback(
    async (cursor?: string) => {
      setFailure(undefined);
      try {
        const page = await accessLogApi.list({
          dossier: dossier.trim(),
          user: username.trim(),
          ...(cursor ? { cursor } : {}),
        });
        setItems((old) => (cursor ? [...(old ?? []), ...page.items] : page.items));
        setNext(page.nextCursor);
      } catch (error) {
        setFailure(
          error instanceof ApiError && error.status === 403
            ? s.accessLogForbidden
            : error instanceof Error
              ? error.message
              : String(error),
        );
      }
    },
    [dossier, username, s.accessLogForbidden],
  );
  // The newest entries when the page opens; filters apply on submit.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void load(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load();
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
          {next ? (
            <button type="button" className="btn" onClick={() => void load(next)}>
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
