import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../api/problemFields.ts';
import { userApi } from '../../api/users.ts';
import { useI18n } from '../I18n.tsx';
import { OfficePage, type OfficeScreenProps } from '../office/OfficePage.tsx';
import { unitName } from '../office/officeText.ts';
import { accountErrors } from './accountErrors.ts';
import { FormField } from './FormField.tsx';
import { FormMessages } from './FormMessages.tsx';
import {
  passwordChangeProblems,
  type PasswordChange,
  type PasswordField,
} from './passwordChecks.ts';
import { roleLabel } from './roles.ts';

const EMPTY: PasswordChange = { currentPassword: '', newPassword: '', repeatPassword: '' };
const NO_ERRORS: FieldErrors<PasswordField> = { fields: {}, form: [] };
const FIELDS: readonly PasswordField[] = ['currentPassword', 'newPassword', 'repeatPassword'];

/**
 * One's own account (tài khoản): who the signed-in user is — name, unit, roles — and the form
 * to change the password, which signs the user's other sessions out.
 */
export function AccountScreen({ user, catalog, onSignOut }: OfficeScreenProps) {
  const { s, t, lang } = useI18n();
  const [form, setForm] = useState<PasswordChange>(EMPTY);
  const [touched, setTouched] = useState(false);
  const [server, setServer] = useState<FieldErrors<PasswordField>>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const problems = touched ? passwordChangeProblems(form, user.username, s) : {};
  const errorOf = (f: PasswordField) => problems[f] ?? server.fields[f];

  const edit = (f: PasswordField, value: string) => {
    setForm({ ...form, [f]: value });
    setServer({ ...server, fields: { ...server.fields, [f]: undefined } });
    setDone(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setDone(false);
    setServer(NO_ERRORS);
    if (Object.keys(passwordChangeProblems(form, user.username, s)).length > 0) return;
    setBusy(true);
    try {
      await userApi.changePassword(form.currentPassword, form.newPassword);
      setForm(EMPTY);
      setTouched(false);
      setDone(true);
    } catch (err) {
      setServer(accountErrors(err, FIELDS, s, lang));
    } finally {
      setBusy(false);
    }
  };

  const password = (f: PasswordField, label: string, autoComplete: string) => (
    <FormField id={`account-${f}`} label={label} error={errorOf(f)}>
      {(aria) => (
        <input
          {...aria}
          type="password"
          autoComplete={autoComplete}
          value={form[f]}
          onChange={(e) => edit(f, e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <OfficePage
      user={user}
      onSignOut={onSignOut}
      title={s.accountTitle}
      intro={s.accountIntro}
      className="account-page"
    >
      <div className="account-grid">
        <section className="card" aria-labelledby="account-info">
          <h2 id="account-info">{s.accountInfo}</h2>
          <dl className="facts">
            <dt>{s.displayNameLabel}</dt>
            <dd>{user.displayName ?? user.username}</dd>
            <dt>{s.username}</dt>
            <dd className="code">{user.username}</dd>
            <dt>{s.unitLabel}</dt>
            <dd>{unitName(catalog, user.unitId, t)}</dd>
            <dt>{s.rolesLabel}</dt>
            <dd>
              {user.roles.length > 0 ? (
                <ul className="plain">
                  {user.roles.map((r) => (
                    <li key={r}>{roleLabel(catalog, r, t, s)}</li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{s.noRoles}</span>
              )}
            </dd>
            {user.isAdmin ? (
              <>
                <dt>{s.adminLabel}</dt>
                <dd>{s.yes}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="account-password">
          <h2 id="account-password">{s.changePassword}</h2>
          <p className="muted small">{s.changePasswordIntro}</p>
          <form onSubmit={submit} noValidate className="password-form">
            {/* The username helps the browser's password manager file the new password. */}
            <input
              type="text"
              name="username"
              autoComplete="username"
              value={user.username}
              readOnly
              hidden
            />
            {password('currentPassword', s.currentPassword, 'current-password')}
            {password('newPassword', s.newPassword, 'new-password')}
            {password('repeatPassword', s.repeatPassword, 'new-password')}
            <FormMessages errors={server.form} ok={done ? s.passwordChanged : undefined} />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? s.working : s.changePassword}
            </button>
          </form>
        </section>
      </div>
    </OfficePage>
  );
}
