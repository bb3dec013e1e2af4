import { useCallback, useEffect, useState } from 'react';
import type { SlipKind } from '../../../engine/index.ts';
import { mayLeave } from './leaveGuard.ts';

/** The screens of the app, from the address bar. */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'library' }
  | { readonly name: 'editor'; readonly id: string }
  | { readonly name: 'desk' }
  | { readonly name: 'inbox' }
  | { readonly name: 'dossier'; readonly id: string }
  | { readonly name: 'print'; readonly id: string; readonly slip: SlipKind }
  | { readonly name: 'lookup' }
  | { readonly name: 'verify' }
  | { readonly name: 'reports' }
  | { readonly name: 'account' }
  | { readonly name: 'users' }
  | { readonly name: 'accessLog' }
  | { readonly name: 'catalog' }
  | { readonly name: 'publicProcedure'; readonly id: string }
  | { readonly name: 'submit'; readonly id: string }
  | { readonly name: 'citizenDossier' };

/** The citizen's pages (no sign-in). */
export const CITIZEN_ROUTES: readonly Route['name'][] = [
  'catalog',
  'publicProcedure',
  'submit',
  'citizenDossier',
];

const SLIPS: readonly SlipKind[] = [
  'receipt',
  'supplementRequest',
  'refusal',
  'apology',
  'stopNotice',
  'control',
  'result',
  'reappointment',
];
const ID = '([0-9a-f-]{36})';

/** Read a route from a path (`/procedures/dang-ky-khai-sinh`, `/ho-so/…`). */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  let m = /^\/procedures\/([a-z0-9-]+)$/.exec(path);
  if (m) return { name: 'editor', id: m[1]! };
  // The citizen's online public service (dịch vụ công): Vietnamese addresses.
  m = /^\/dich-vu-cong\/([a-z0-9-]+)(\/nop)?$/.exec(path);
  if (m) return m[2] ? { name: 'submit', id: m[1]! } : { name: 'publicProcedure', id: m[1]! };
  m = new RegExp(`^/dossiers/${ID}/print/([A-Za-z]+)$`).exec(path);
  if (m && (SLIPS as readonly string[]).includes(m[2]!))
    return { name: 'print', id: m[1]!, slip: m[2] as SlipKind };
  m = new RegExp(`^/dossiers/${ID}$`).exec(path);
  if (m) return { name: 'dossier', id: m[1]! };
  switch (path) {
    case '/procedures':
      return { name: 'library' };
    case '/desk':
      return { name: 'desk' };
    case '/dossiers':
      return { name: 'inbox' };
    // The address printed on the receipt is Vietnamese: /tra-cuu.
    case '/tra-cuu':
    case '/lookup':
      return { name: 'lookup' };
    // The address printed under the QR code of a signed result: /xac-minh.
    case '/xac-minh':
    case '/verify':
      return { name: 'verify' };
    case '/reports':
      return { name: 'reports' };
    // The office's own addresses are Vietnamese; the English ones are aliases.
    case '/tai-khoan':
    case '/account':
      return { name: 'account' };
    case '/nguoi-dung':
    case '/users':
      return { name: 'users' };
    case '/nhat-ky-truy-cap':
      return { name: 'accessLog' };
    case '/dich-vu-cong':
      return { name: 'catalog' };
    case '/ho-so-truc-tuyen':
      return { name: 'citizenDossier' };
    default:
      return { name: 'home' };
  }
}

/** The path of a route. */
export function routePath(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'library':
      return '/procedures';
    case 'editor':
      return `/procedures/${route.id}`;
    case 'desk':
      return '/desk';
    case 'inbox':
      return '/dossiers';
    case 'dossier':
      return `/dossiers/${route.id}`;
    case 'print':
      return `/dossiers/${route.id}/print/${route.slip}`;
    case 'lookup':
      return '/tra-cuu';
    case 'verify':
      return '/xac-minh';
    case 'reports':
      return '/reports';
    case 'account':
      return '/tai-khoan';
    case 'users':
      return '/nguoi-dung';
    case 'accessLog':
      return '/nhat-ky-truy-cap';
    case 'catalog':
      return '/dich-vu-cong';
    case 'publicProcedure':
      return `/dich-vu-cong/${route.id}`;
    case 'submit':
      return `/dich-vu-cong/${route.id}/nop`;
    case 'citizenDossier':
      return '/ho-so-truc-tuyen';
    default: {
      const never: never = route;
      throw new Error(`unknown route ${JSON.stringify(never)}`);
    }
  }
}

/** Go to a route from anywhere in the app (links in the top bar, buttons in pages). */
export function navigate(route: Route): void {
  const path = routePath(route);
  if (path !== location.pathname) history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

/**
 * The current route, a way to go elsewhere (history API; the server serves index.html), and the
 * number of the visit: it changes on every navigation, even to the same page, so that a screen
 * keyed by it starts afresh (the desk's "Tiếp nhận" link opens a new reception).
 */
export function useRoute(): [Route, (route: Route) => void, number] {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  const [visit, setVisit] = useState(0);
  useEffect(() => {
    const onPop = () => {
      // A page with unsaved work may refuse (it asks, then restores its own address).
      if (!mayLeave()) return;
      setRoute(parseRoute(location.pathname));
      setVisit((v) => v + 1);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((next: Route) => navigate(next), []);
  return [route, go, visit];
}
