import { lazy, Suspense, type ReactNode } from 'react';
import { useI18n } from '../I18n.tsx';
import { LanguageSwitch } from '../LanguageSwitch.tsx';
import { navigate, type Route } from '../useRoute.ts';
import { CatalogScreen } from './CatalogScreen.tsx';
import { ProcedureScreen } from './ProcedureScreen.tsx';

// The e-form library loads only with the pages that fill a form.
const SubmitScreen = lazy(() =>
  import('./SubmitScreen.tsx').then((m) => ({ default: m.SubmitScreen })),
);
const CitizenDossierScreen = lazy(() =>
  import('./CitizenDossierScreen.tsx').then((m) => ({ default: m.CitizenDossierScreen })),
);

/** A link inside the app (history API), still a real link for a new tab. */
export function AppLink({
  to,
  children,
  className,
}: {
  to: Route;
  children: ReactNode;
  className?: string;
}) {
  const href =
    to.name === 'catalog'
      ? '/dich-vu-cong'
      : to.name === 'citizenDossier'
        ? '/ho-so-truc-tuyen'
        : to.name === 'publicProcedure'
          ? `/dich-vu-cong/${to.id}`
          : to.name === 'submit'
            ? `/dich-vu-cong/${to.id}/nop`
            : '/';
  return (
    <a
      href={href}
      className={className}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** The citizen's pages: a header for phones, then the page. No sign-in. */
export function CitizenApp({ route }: { route: Route }) {
  const { s } = useI18n();
  let page: ReactNode;
  switch (route.name) {
    case 'publicProcedure':
      page = <ProcedureScreen key={route.id} id={route.id} />;
      break;
    case 'submit':
      page = <SubmitScreen key={route.id} id={route.id} />;
      break;
    case 'citizenDossier':
      page = <CitizenDossierScreen />;
      break;
    default:
      page = <CatalogScreen />;
  }
  return (
    <div className="public-page citizen">
      <header className="public-head citizen-head">
        <AppLink to={{ name: 'catalog' }} className="brand citizen-brand">
          <span className="logo" aria-hidden="true">
            MC
          </span>
          <span className="brand-name">{s.citizenServices}</span>
        </AppLink>
        <LanguageSwitch />
      </header>
      <nav className="citizen-nav" aria-label={s.citizenServices}>
        <AppLink to={{ name: 'catalog' }}>{s.catalogTitle}</AppLink>
        <AppLink to={{ name: 'citizenDossier' }}>{s.citizenMyDossier}</AppLink>
      </nav>
      <Suspense fallback={<div className="splash">{s.loading}</div>}>{page}</Suspense>
    </div>
  );
}
