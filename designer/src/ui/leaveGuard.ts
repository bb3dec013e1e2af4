/**
 * A page with unsaved work says whether the app may leave it. The router asks before it follows
 * Back, Forward or an in-app link; a page that refuses has already put its address back.
 */
type Guard = () => boolean;

let current: Guard | undefined;

/** Install the guard of the page on screen; returns its removal. */
export function setLeaveGuard(guard: Guard): () => void {
  current = guard;
  return () => {
    if (current === guard) current = undefined;
  };
}

/** Whether the app may leave the page on screen (asks the user when it has unsaved work). */
export function mayLeave(): boolean {
  return current ? current() : true;
}
