import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import './office.css';
import './citizen.css';
import { procedureForEditing, sessionQuery, unitsQuery } from './api/queries.ts';
import { layoutEngine, setLayoutEngineLoader } from './layout/layoutEngine.ts';
import { startValidator } from './validator.ts';
import { parseRoute } from './ui/useRoute.ts';
import { App } from './ui/App.tsx';
import { I18nProvider } from './ui/I18n.tsx';

performance.mark('motcua:boot');
// ELK loads (in a worker) only when a layout must be computed.
setLayoutEngineLoader(() => import('./elkWorker.ts').then((m) => m.startLayoutWorker()));
// Server data the screens share (the session, the unit catalog, the notices' unread count, …) is
// fetched and polled through TanStack Query: one cache, refetch when a hidden page shows again,
// no timers of our own.
const queries = new QueryClient();
// Ask for what the first screen needs while React starts and the session is checked.
const opened = parseRoute(location.pathname);
if (opened.name !== 'lookup') void queries.prefetchQuery(sessionQuery);
void queries.prefetchQuery(unitsQuery);
if (opened.name === 'editor') {
  void queries.prefetchQuery(procedureForEditing(opened.id));
  // Opening a diagram may need a layout: start ELK's worker while the procedure is fetched.
  void layoutEngine();
}
// Live validation runs in a worker; its schemas compile while the network is busy.
startValidator();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
