import type { ReactNode } from 'react';
import { navigate, routePath, type Route } from './useRoute.ts';

/**
 * A link to a screen of the app: opens in place, or in a new tab with a modifier key.
 * `onFollow` runs when it opens in place (a popover closes behind it).
 */
export function RouteLink({
  route,
  active = false,
  className,
  title,
  onFollow,
  children,
}: {
  route: Route;
  active?: boolean;
  className?: string;
  title?: string;
  onFollow?: () => void;
  children: ReactNode;
}) {
  return (
    <a
      href={routePath(route)}
      className={className}
      title={title}
      aria-current={active ? 'page' : undefined}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        onFollow?.();
        navigate(route);
      }}
    >
      {children}
    </a>
  );
}
