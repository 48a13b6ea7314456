/**
 * Issue 14, point 10: axe-core (WCAG 2.0/2.1 A and AA rules) on every page — home, the sandbox with
 * each use case and blank, presentation mode, runs (with a saved run), rates, broadcast, training,
 * analytics and the not-found page — in light and dark, at 1280 and 390 px: zero violations.
 * One page load per page, theme and width.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../helpers/test';
import { APP_PAGES, saveOneRun, useTheme } from '../helpers/pages';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

for (const theme of ['light', 'dark'] as const)
	for (const width of [1280, 390] as const)
		test.describe(`${theme}, ${width} px`, () => {
			test.use({ viewport: { width, height: width > 500 ? 800 : 844 } });

			for (const p of APP_PAGES)
				test(`${p.name}`, async ({ page }) => {
					await useTheme(page, theme);
					if (p.name === 'runs') await saveOneRun(page);
					await page.goto(p.path);
					await p.ready(page);
					await p.after?.(page);
					await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
					const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
					const summary = violations.map(
						(v) =>
							`${v.id} (${v.impact}): ${v.help}\n` +
							v.nodes
								.slice(0, 5)
								.map(
									(n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('')}`
								)
								.join('\n')
					);
					expect(summary, summary.join('\n')).toEqual([]);
				});
		});
