import { useId, useRef, type ReactNode } from 'react';
import type { UnitCatalog } from '../../../../engine/index.ts';
import type { User } from '../../api/client.ts';
import { TopBar } from '../TopBar.tsx';
import { useHeadingFocus, usePageTitle } from '../a11y/pageTitle.ts';

/** What every office screen is given: who is signed in, the unit catalog, how to sign out. */
export interface OfficeScreenProps {
  readonly user: User;
  readonly catalog: UnitCatalog;
  readonly onSignOut: () => void;
}

/**
 * The frame of an office page: the top bar, then a scrolling main area with the page's heading,
 * its introduction and actions; the heading names the region for screen readers.
 */
export function OfficePage({
  user,
  onSignOut,
  title,
  intro,
  actions,
  className,
  labelledBy,
  documentTitle,
  children,
}: {
  user: User;
  onSignOut: () => void;
  title?: ReactNode;
  intro?: ReactNode;
  actions?: ReactNode;
  className?: string;
  /** The id of the heading that names the page when the page draws its own. */
  labelledBy?: string;
  /** The page's title for the browser tab (the heading's text when it is a string). */
  documentTitle?: string;
  children: ReactNode;
}) {
  const id = useId();
  const main = useRef<HTMLElement>(null);
  usePageTitle(documentTitle ?? (typeof title === 'string' ? title : undefined));
  useHeadingFocus(main);
  return (
    <div className="page">
      <TopBar user={user} onSignOut={onSignOut} />
      <main
        id="main"
        ref={main}
        className={className ? `office ${className}` : 'office'}
        aria-labelledby={title ? id : labelledBy}
      >
        {title ? (
          <div className="library-head">
            <div>
              <h1 id={id}>{title}</h1>
              {intro ? <p className="muted">{intro}</p> : null}
            </div>
            {actions}
          </div>
        ) : null}
        {children}
      </main>
    </div>
  );
}
