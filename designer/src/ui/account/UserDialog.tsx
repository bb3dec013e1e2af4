import { useState, type FormEvent } from 'react';
import type { UnitCatalog } from '../../../../engine/index.ts';
import type { FieldErrors } from '../../api/problemFields.ts';
import { userApi, type UserAccount } from '../../api/users.ts';
import { Dialog, DialogButtons } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { accountErrors } from './accountErrors.ts';
import { describedBy, FieldError, FormField } from './FormField.tsx';
import { FormMessages } from './FormMessages.tsx';
import { roleChoices, roleLabel } from './roles.ts';
import {
  draftOf,
  newUserRequest,
  USER_FIELDS,
  userDraftProblems,
  userPatch,
  type UserDraft,
  type UserField,
} from './userDraft.ts';

const NO_ERRORS: FieldErrors<UserField> = { fields: {}, form: [] };

/**
 * The user form (thêm / sửa người dùng): username, name, unit, roles, administrator and a
 * password — the initial one for a new account, an optional reset when editing (the username
 * of an existing account stays as it is).
 */
export function UserDialog({
  catalog,
  account,
  onClose,
  onSaved,
}: {
  catalog: UnitCatalog;
  /** The account to edit; none to create one. */
  account?: UserAccount;
  onClose: () => void;
  onSaved: (saved: UserAccount, created: boolean) => void;
}) {
  const { s, f, t, lang } = useI18n();
  const isNew = !account;
  const [draft, setDraft] = useState<UserDraft>(() => draftOf(account));
  const [touched, setTouched] = useState(false);
  const [server, setServer] = useState<FieldErrors<UserField>>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [choices] = useState(() => roleChoices(catalog, account?.roles ?? []));

  const problems = touched ? userDraftProblems(draft, isNew, s) : {};
  const errorOf = (field: UserField) => problems[field] ?? server.fields[field];

  const edit = <K extends UserField>(field: K, value: UserDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setServer((e) => ({ ...e, fields: { ...e.fields, [field]: undefined } }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setServer(NO_ERRORS);
    if (Object.keys(userDraftProblems(draft, isNew, s)).length > 0) return;
    const patch = account ? userPatch(account, draft) : undefined;
    if (account && patch && Object.keys(patch).length === 0) return onClose();
    setBusy(true);
    try {
      const saved = account
        ? await userApi.update(account.id, patch!)
        : await userApi.create(newUserRequest(draft));
      onSaved(saved, isNew);
    } catch (err) {
      setServer(accountErrors(err, USER_FIELDS, s, lang));
    } finally {
      setBusy(false);
    }
  };

  const formId = 'user-form';
  const rolesError = errorOf('roles');
  return (
    <Dialog
      title={isNew ? s.newUserTitle : f(s.editUserTitle, { username: account.username })}
      onClose={onClose}
      actions={
        <DialogButtons
          label={isNew ? s.createUser : s.saveUser}
          busy={busy}
          onCancel={onClose}
          form={formId}
        />
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="user-form">
        <div className="grid-2">
          <FormField
            id="user-username"
            label={s.username}
            hint={isNew ? s.usernameHint : s.usernameReadOnly}
            error={errorOf('username')}
          >
            {(aria) => (
              <input
                {...aria}
                value={draft.username}
                readOnly={!isNew}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => edit('username', e.target.value)}
              />
            )}
          </FormField>
          <FormField
            id="user-displayName"
            label={s.displayNameLabel}
            error={errorOf('displayName')}
          >
            {(aria) => (
              <input
                {...aria}
                value={draft.displayName}
                autoComplete="off"
                onChange={(e) => edit('displayName', e.target.value)}
              />
            )}
          </FormField>
        </div>
        <FormField id="user-unitId" label={s.unitLabel} error={errorOf('unitId')}>
          {(aria) => (
            <select {...aria} value={draft.unitId} onChange={(e) => edit('unitId', e.target.value)}>
              <option value="">{s.chooseUnit}</option>
              {catalog.levels.map((level) => (
                <optgroup key={level.id} label={t(level.name, level.id)}>
                  {catalog.units
                    .filter((u) => u.level === level.id)
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {t(u.name, u.id)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          )}
        </FormField>
        <fieldset
          className="checks role-checks"
          aria-invalid={!!rolesError}
          aria-describedby={describedBy('user-roles', undefined, rolesError)}
        >
          <legend>{s.rolesLabel}</legend>
          {choices.map((id) => (
            <label key={id} className="check">
              <input
                type="checkbox"
                checked={draft.roles.includes(id)}
                onChange={(e) =>
                  edit(
                    'roles',
                    e.target.checked ? [...draft.roles, id] : draft.roles.filter((r) => r !== id),
                  )
                }
              />
              {roleLabel(catalog, id, t, s)}
            </label>
          ))}
          <FieldError id="user-roles" error={rolesError} />
        </fieldset>
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              checked={draft.isAdmin}
              aria-describedby={describedBy('user-isAdmin', undefined, errorOf('isAdmin'))}
              onChange={(e) => edit('isAdmin', e.target.checked)}
            />
            {s.adminCheckbox}
          </label>
          <FieldError id="user-isAdmin" error={errorOf('isAdmin')} />
        </div>
        <FormField
          id="user-password"
          label={isNew ? s.initialPassword : s.resetPassword}
          hint={isNew ? s.initialPasswordHint : s.resetPasswordHint}
          error={errorOf('password')}
        >
          {(aria) => (
            <input
              {...aria}
              type="password"
              autoComplete="new-password"
              value={draft.password}
              onChange={(e) => edit('password', e.target.value)}
            />
          )}
        </FormField>
        <FormMessages errors={server.form} />
      </form>
    </Dialog>
  );
}
