import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { chromiumAvailable } from '../support/chromium.ts';
import {
  buildDesigner,
  launchChromium,
  ROOT,
  startDesignerServer,
  type DesignerServer,
} from './designerServer.ts';

/** Where the browser tests leave their screenshots (looked at by people, kept out of git). */
export const SHOTS = join(ROOT, 'test-results');

/** A browser test file's world: the built app on a real server, and Debian's Chromium. */
export interface BrowserSuite {
  readonly server: DesignerServer;
  readonly browser: Browser;
  /**
   * A page of a fresh browser context (its own cookies) at `path`, a 1366×768 laptop screen
   * unless told; an uncaught error in the page fails the test.
   */
  page(options?: { path?: string; viewport?: { width: number; height: number } }): Promise<Page>;
  /** A full-page screenshot `test-results/<prefix>-<name>.png`. */
  shot(page: Page, name: string): Promise<Buffer>;
}

/**
 * Build the designer, start a server and Chromium before the file's tests, close them after.
 * Call once at the top of a test file; the suite's fields are ready inside the tests. Without
 * Chromium the file's tests are reported as skipped (the run says why once, in
 * test/support/globalSetup.ts); under CI=true its absence fails them.
 */
export function browserSuite(
  prefix: string,
  options: Parameters<typeof startDesignerServer>[0] = {},
): BrowserSuite {
  let server: DesignerServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let skip = false;
  beforeAll(async () => {
    skip = !chromiumAvailable();
    if (skip) return;
    mkdirSync(SHOTS, { recursive: true });
    await buildDesigner();
    server = await startDesignerServer(options);
    browser = await launchChromium();
  }, 180_000);
  beforeEach((context) => {
    if (skip) context.skip();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser suite has not started');
    return value;
  };
  return {
    get server() {
      return ready(server);
    },
    get browser() {
      return ready(browser);
    },
    async page({ path = '/', viewport = { width: 1366, height: 768 } } = {}) {
      const context = await ready(browser).newContext({ viewport });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => {
        throw e;
      });
      await page.goto(ready(server).url + path);
      return page;
    },
    shot: (page, name) =>
      page.screenshot({ path: join(SHOTS, `${prefix}-${name}.png`), fullPage: true }),
  };
}

/** Fill the sign-in form and send it (the answer is not awaited). */
export async function submitLogin(page: Page, username: string, password = 'motcua') {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Sign in on the sign-in screen and wait for the app's navigation. */
export async function signIn(page: Page, username: string, password = 'motcua') {
  await submitLogin(page, username, password);
  await page.locator('.main-nav').waitFor();
}
