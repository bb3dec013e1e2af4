import { useState } from 'react';
import { userApi, type UserAccount } from '../../api/users.ts';
import { Dialog, DialogButtons } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { accountErrors } from './accountErrors.ts';
import { FormMessages } from './FormMessages.tsx';

/**
 * The confirmation before locking (khóa) or unlocking an account: locking signs its sessions
 * out, and the server refuses to lock the last active administrator.
 */
export function LockDialog({
  account,
  onClose,
  onDone,
}: {
  account: UserAccount;
  onClose: () => void;
  onDone: (saved: UserAccount) => void;
}) {
  const { s, f, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const lock = !account.disabled;
  const names = { username: account.username, name: account.displayName || account.username };

  const confirm = async () => {
    setBusy(true);
    setErrors([]);
    try {
      onDone(await userApi.update(account.id, { disabled: lock }));
    } catch (err) {
      setErrors(accountErrors(err, [], s, lang).form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={f(lock ? s.lockTitle : s.unlockTitle, names)}
      onClose={onClose}
      actions={
        <DialogButtons
          label={lock ? s.lockConfirm : s.unlockConfirm}
          busy={busy}
          onCancel={onClose}
          onConfirm={() => void confirm()}
          danger={lock}
        />
      }
    >
      <p>{f(lock ? s.lockBody : s.unlockBody, names)}</p>
      <FormMessages errors={errors} />
    </Dialog>
  );
}
