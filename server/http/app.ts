import { existsSync } from 'node:fs';
import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { relative } from 'node:path';
import { AppError } from '../appError.ts';
import { authenticate, SESSION_COOKIE } from './auth.ts';
import { csrfGuard, requireSignInFirst, securityHeaders } from './security.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { errorBody, onError } from './errorHandler.ts';
import { apiDocsPage } from './apiDocsPage.ts';
import { designerAssets } from './staticAssets.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerDossierRoutes } from './routes/dossiers.ts';
import { registerProcedureRoutes } from './routes/procedures.ts';
import { registerPublicRoutes } from './routes/public.ts';
import { registerReportRoutes } from './routes/reports.ts';
import { registerUserRoutes } from './routes/users.ts';
import { registerNoticeRoutes } from './routes/notices.ts';
import { registerAccessLogRoutes } from './routes/accessLog.ts';
import { registerOps, type OpsSources } from './ops.ts';
import { registerFileRoutes } from './routes/files.ts';
import { registerPdfRoutes } from './routes/pdf.ts';
import { registerPaymentRoutes } from './routes/payments.ts';
import { registerRatingRoutes } from './routes/ratings.ts';
import { registerCitizenRoutes } from './routes/citizen.ts';

/** Validation failures of the route schemas: 422 with the path of every bad field. */
const validationHook: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  const where = result.target === 'json' ? '' : `/${result.target}`;
  const pointer = (path: readonly PropertyKey[]) =>
    `${where}${path.map((p) => `/${String(p)}`).join('')}` || '/';
  const problems = result.error.issues.flatMap((i) =>
    // An unknown field is named by its own path, not its parent's.
    i.code === 'unrecognized_keys' && i.keys.length
      ? i.keys.map((k) => ({ path: pointer([...i.path, k]), message: 'unknown field' }))
      : [{ path: pointer(i.path), message: i.message }],
  );
  return c.json(errorBody('validation', 'The request is not valid', { problems }), 422);
};

/** The HTTP application: API, OpenAPI description, docs page and the built designer. */
export function createApp(deps: AppDeps, ops: OpsSources = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(onError);
  app.use('*', securityHeaders());
  app.notFound((c) =>
    c.json(errorBody('not-found', `No route ${c.req.method} ${c.req.path}`), 404),
  );
  // Request ids, logs and metrics of every answer; /healthz, /readyz, /metrics (server/http/ops.ts).
  registerOps(app, deps, ops);
  const tooLarge = () => {
    throw new AppError(
      'payload-too-large',
      `The body is larger than ${deps.config.maxBodyBytes} bytes`,
    );
  };
  const streamedLimit = bodyLimit({ maxSize: deps.config.maxBodyBytes, onError: tooLarge });
  // A body with a Content-Length is judged by the header, so the request keeps the server's
  // fast body read; only chunked bodies go through the counting stream (measured: a quarter of
  // the CPU of a durable event).
  app.use('/api/*', async (c, next) => {
    // Uploads have their own limit: MAX_FILE_BYTES.
    if (c.req.path === '/api/uploads' || c.req.path === '/api/public/uploads') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (!/^\d+$/.test(length)) throw new AppError('bad-request', 'Invalid Content-Length');
      if (Number(length) > deps.config.maxBodyBytes) tooLarge();
      return next();
    }
    return streamedLimit(c, next);
  });
  app.use('/api/*', authenticate(deps));
  app.use('/api/*', csrfGuard(SESSION_COOKIE));
  app.use('/api/*', requireSignInFirst());

  registerAuthRoutes(app, deps);
  registerDossierRoutes(app, deps);
  registerPublicRoutes(app, deps);
  registerProcedureRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerNoticeRoutes(app, deps);
  registerAccessLogRoutes(app, deps);
  registerFileRoutes(app, deps);
  registerPdfRoutes(app, deps);
  registerPaymentRoutes(app, deps);
  registerRatingRoutes(app, deps);
  registerCitizenRoutes(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', {
    type: 'http',
    scheme: 'bearer',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'motcua API',
      version: '0.1.0',
      description:
        'Dossiers (hồ sơ) run through administrative procedures (thủ tục hành chính). Errors are { error: { code, message, details } }.',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    // Relative: the document describes the server that serves it, whatever its address.
    servers: [{ url: '/', description: 'This motcua server' }],
    security: [{ Bearer: [] }],
  });
  app.get('/api/docs', (c) => c.html(apiDocsPage(c.get('secureHeadersNonce') ?? '')));
  app.all('/api/*', (c) =>
    c.json(errorBody('not-found', `No route ${c.req.method} ${c.req.path}`), 404),
  );

  if (existsSync(deps.config.designerDir)) {
    const root = relative(process.cwd(), deps.config.designerDir) || '.';
    const assets = designerAssets(root);
    app.use('/*', assets.files);
    // Client-side routes of the single-page app fall back to its index.
    app.get('*', assets.index);
  } else {
    app.get('/', (c) =>
      c.html(
        `<!doctype html><meta charset="utf-8"><title>motcua</title><h1>motcua</h1><p>API: <a href="/api/docs">/api/docs</a>. The designer is not built (npm run build).</p>`,
      ),
    );
  }
  return app;
}
