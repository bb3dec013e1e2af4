/** Why node_modules must be (re)installed, or undefined when it is current. */
export function staleReason(root: string, options: { needDev: boolean }): string | undefined;
/** Run `npm ci` when node_modules is not current. */
export function ensureDependencies(root: string, options?: { needDev?: boolean }): void;
