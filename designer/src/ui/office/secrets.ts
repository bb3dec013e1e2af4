/**
 * The receipt secret is returned once, at reception, and stored only as a hash on the server.
 * The desk keeps it in this tab's session storage so that the receipt printed next can show it;
 * it is gone when the tab closes.
 */
const PREFIX = 'motcua.secret.';

/** Keep a dossier's secret for the receipt about to be printed. */
export function rememberSecret(dossierId: string, secret: string): void {
  try {
    sessionStorage.setItem(PREFIX + dossierId, secret);
  } catch {
    // storage disabled: the receipt will say the secret was shown on screen only
  }
}

/** The secret of a dossier received in this tab, if any. */
export function recallSecret(dossierId: string): string | undefined {
  try {
    return sessionStorage.getItem(PREFIX + dossierId) ?? undefined;
  } catch {
    return undefined;
  }
}
