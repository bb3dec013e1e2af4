import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { userApi, type UserAccount } from '../../api/users.ts';
import { foldDiacritics } from '../../model/statePaths.ts';
import { ErrorAlert } from '../controls.tsx';
import { Filters, FilterSelect, SearchField } from '../Filters.tsx';
import { useI18n } from '../I18n.tsx';
import { OfficePage, type OfficeScreenProps } from '../office/OfficePage.tsx';
import { LockDialog } from './LockDialog.tsx';
import { UserDialog } from './UserDialog.tsx';
import { UsersTable } from './UsersTable.tsx';

/** What is open over the table: the user form (new or editing) or a lock confirmation. */
type Open =
  | { readonly kind: 'create' }
  | { readonly kind: 'edit'; readonly account: UserAccount }
  | { readonly kind: 'lock'; readonly account: UserAccount };

/** The accounts, as the administrators' list reads them. */
const usersQuery = queryOptions({
  queryKey: ['users'],
  queryFn: () => userApi.list(),
  retry: false,
});

/** Whether an account matches the filter text, without regard to case or diacritics. */
function matches(account: UserAccount, q: string): boolean {
  const fold = (text: string) => foldDiacritics(text).toLowerCase();
  return fold(`${account.username} ${account.displayName}`).includes(fold(q));
}

/**
 * The administrators' user management (quản lý người dùng): every officer's account with its
 * unit, roles and status, a filter, and the forms to add, edit, lock and unlock accounts.
 */
export function UsersScreen({ user, catalog, onSignOut }: OfficeScreenProps) {
  const { s, f, t } = useI18n();
  const client = useQueryClient();
  // The raw failure: its message is made while rendering, in the language of the moment.
  const { data: users, error: failure } = useQuery({ ...usersQuery, enabled: user.isAdmin });
  const [q, setQ] = useState('');
  const [unit, setUnit] = useState('');
  const [open, setOpenState] = useState<Open | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  const error =
    failure === null
      ? undefined
      : failure instanceof ApiError && failure.status === 403
        ? s.usersForbidden
        : failure instanceof Error
          ? failure.message
          : String(failure);

  const shown = useMemo(() => {
    const text = q.trim();
    return (users ?? []).filter((u) => (!unit || u.unitId === unit) && (!text || matches(u, text)));
  }, [users, unit, q]);

  /** Open a form or a confirmation; the last change's notice gives way. */
  const show = (next: Open) => {
    setNotice(undefined);
    setOpenState(next);
  };
  const close = () => setOpenState(undefined);
  /** A saved account replaces its row (or joins the list, in username order). */
  const done = (saved: UserAccount, message: string) => {
    close();
    setNotice(message);
    client.setQueryData(usersQuery.queryKey, (list) =>
      // The server's order: usernames are ASCII, compared code by code.
      [...(list ?? []).filter((u) => u.id !== saved.id), saved].sort((a, b) =>
        a.username < b.username ? -1 : 1,
      ),
    );
  };

  return (
    <OfficePage
      user={user}
      onSignOut={onSignOut}
      title={s.usersTitle}
      intro={user.isAdmin ? s.usersIntro : undefined}
      actions={
        user.isAdmin ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => show({ kind: 'create' })}
          >
            {s.addUser}
          </button>
        ) : undefined
      }
    >
      {user.isAdmin ? (
        <>
          <Filters>
            <SearchField id="users-search" placeholder={s.searchUsers} value={q} onChange={setQ} />
            <FilterSelect
              id="users-unit"
              label={s.unitLabel}
              all={s.allUnits}
              value={unit}
              options={catalog.units.map((u) => ({ value: u.id, label: t(u.name, u.id) }))}
              onChange={setUnit}
            />
          </Filters>
          {notice ? (
            <div className="alert alert-ok" role="status">
              {notice}
            </div>
          ) : null}
          <ErrorAlert message={error} />
          {users === undefined && !error ? <p>{s.loading}</p> : null}
          {users ? (
            <>
              <p className="muted small" aria-live="polite">
                {f(s.userCount, { n: shown.length })}
              </p>
              <UsersTable
                users={shown}
                me={user}
                catalog={catalog}
                onEdit={(account) => show({ kind: 'edit', account })}
                onLock={(account) => show({ kind: 'lock', account })}
              />
            </>
          ) : null}
        </>
      ) : (
        <ErrorAlert message={s.usersForbidden} />
      )}
      {open?.kind === 'create' || open?.kind === 'edit' ? (
        <UserDialog
          catalog={catalog}
          account={open.kind === 'edit' ? open.account : undefined}
          onClose={close}
          onSaved={(saved, created) =>
            done(saved, f(created ? s.userCreated : s.userSaved, { username: saved.username }))
          }
        />
      ) : null}
      {open?.kind === 'lock' ? (
        <LockDialog
          account={open.account}
          onClose={close}
          onDone={(saved) =>
            done(
              saved,
              f(saved.disabled ? s.userLocked : s.userUnlocked, { username: saved.username }),
            )
          }
        />
      ) : null}
    </OfficePage>
  );
}
