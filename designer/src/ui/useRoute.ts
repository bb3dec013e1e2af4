import { useCallback, useEffect, useState } from 'react';

/** The screens of the designer, from the address bar. */
export type Route = { readonly name: 'library' } | { readonly name: 'editor'; readonly id: string };

/** Read a route from a path (`/procedures/dang-ky-khai-sinh`). */
export function parseRoute(pathname: string): Route {
  const match = /^\/procedures\/([a-z0-9-]+)\/?$/.exec(pathname);
  return match ? { name: 'editor', id: match[1]! } : { name: 'library' };
}

/** The path of a route. */
export function routePath(route: Route): string {
  return route.name === 'editor' ? `/procedures/${route.id}` : '/';
}

/** The current route and a way to go elsewhere (history API; the server serves index.html). */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: Route) => {
    const path = routePath(next);
    if (path !== location.pathname) history.pushState(null, '', path);
    setRoute(next);
  }, []);
  return [route, navigate];
}
