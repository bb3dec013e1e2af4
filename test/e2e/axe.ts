import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A and AA rules of axe-core. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The serious and critical WCAG 2.1 AA violations axe-core finds on the page as it is now, one
 * line each (`rule: what · where`), so that a failing test says what to fix.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id}: ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? v.help} · ${n.target.join(' ')}`,
      ),
    );
}

/** Whether the page scrolls sideways (WCAG 1.4.10 reflow: none at 320 CSS px). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
  );
}

/**
 * Press Tab (Shift+Tab with `back`) until the focused element matches `selector`; fails after
 * `max` presses. The keyboard-only tests reach every control this way, as an officer would.
 */
export async function tabTo(page: Page, selector: string, max = 80, back = false): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const found = await page.evaluate(
      (sel) => document.activeElement?.matches(sel) ?? false,
      selector,
    );
    if (found) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Describe the focused element: tag, id, text (for messages and checks). */
export function focused(
  page: Page,
): Promise<{ tag: string; id: string; text: string; inDialog: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      text: (el?.innerText ?? '').trim(),
      inDialog: !!el?.closest('[role="dialog"]'),
    };
  });
}
