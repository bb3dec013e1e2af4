import type { UnitCatalog } from '../../../../engine/index.ts';
import type { User } from '../../api/client.ts';
import type { UserAccount } from '../../api/users.ts';
import { useI18n } from '../I18n.tsx';
import { unitName } from '../office/officeText.ts';
import { roleLabel } from './roles.ts';

/**
 * The table of accounts: who, where, in which roles, administrator or not, active or locked,
 * with each row's "Sửa" and "Khóa" / "Mở khóa".
 */
export function UsersTable({
  users,
  me,
  catalog,
  onEdit,
  onLock,
}: {
  users: readonly UserAccount[];
  /** The signed-in administrator, whose row says "(bạn)". */
  me: User;
  catalog: UnitCatalog;
  onEdit: (account: UserAccount) => void;
  /** Lock an active account, or unlock a locked one (after a confirmation). */
  onLock: (account: UserAccount) => void;
}) {
  const { s, f, t } = useI18n();
  const columns = [s.colUsername, s.colDisplayName, s.unitLabel, s.colRoles, s.colAdmin];
  return (
    <table className="table library-table users-table">
      <thead>
        <tr>
          {[...columns, s.colStatus].map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
          <th scope="col">
            <span className="sr-only">{s.colActions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} className={u.disabled ? 'user-locked' : undefined}>
            <td className="nowrap">
              <span className="username">{u.username}</span>
              {u.id === me.id ? <span className="muted small"> {s.youMark}</span> : null}
            </td>
            <td>{u.displayName}</td>
            <td>{unitName(catalog, u.unitId, t)}</td>
            <td className="small">
              {u.roles.map((r) => roleLabel(catalog, r, t, s)).join(', ') || '—'}
            </td>
            <td>{u.isAdmin ? s.yes : '—'}</td>
            <td>
              <span className={`badge ${u.disabled ? 'badge-error' : 'badge-ok'}`}>
                {u.disabled ? s.statusLocked : s.statusActive}
              </span>
            </td>
            <td className="row-actions">
              <div className="button-row">
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={f(s.editUserLabel, { username: u.username })}
                  onClick={() => onEdit(u)}
                >
                  {s.editUser}
                </button>
                <button
                  type="button"
                  className={u.disabled ? 'btn btn-small' : 'btn btn-small btn-danger'}
                  aria-label={f(u.disabled ? s.unlockUserLabel : s.lockUserLabel, {
                    username: u.username,
                  })}
                  onClick={() => onLock(u)}
                >
                  {u.disabled ? s.unlockUser : s.lockUser}
                </button>
              </div>
            </td>
          </tr>
        ))}
        {users.length === 0 ? (
          <tr>
            <td colSpan={columns.length + 2} className="empty">
              {s.noUsers}
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
