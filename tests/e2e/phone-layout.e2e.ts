/**
 * Phones (issue 14, point 1): every page at 360, 390 and 430 px wide — no sideways scrolling of the
 * document (the header's links may scroll inside their own bar), the theme switch on screen, and
 * each page's key controls (Share link, Compare regimes, the speed menu, the runs' actions…)
 * inside the viewport's width. Screenshots go to test-results/artifacts/phone-*.png.
 */
import { expect, test } from '../helpers/test';
import { noSideways } from '../helpers/layout';
import { APP_PAGES, saveOneRun, withinWidth } from '../helpers/pages';

const WIDTHS = [360, 390, 430] as const;

for (const width of WIDTHS) {
	test.describe(`${width} px`, () => {
		test.use({ viewport: { width, height: 800 } });

		for (const p of APP_PAGES) {
			test(`${p.name} fits`, async ({ page }) => {
				if (p.name === 'runs') await saveOneRun(page);
				await page.goto(p.path);
				await p.ready(page);
				await p.after?.(page);
				await noSideways(page);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
				if (p.name !== 'presentation') await withinWidth(page.getByTestId('theme-system'), width);
				for (const c of p.controls?.(page) ?? []) await withinWidth(c, width);
				await page.screenshot({
					path: `test-results/artifacts/phone-${width}-${p.name.replace(/\s+/g, '-')}.png`,
					fullPage: true
				});
			});
		}

		// Presentation mode is an overlay that scrolls by itself: it must not scroll sideways either.
		test('presentation overlay does not scroll sideways', async ({ page }) => {
			await page.goto('./sandbox?usecase=service-conversation');
			await page.getByTestId('presentation-toggle').click();
			const overlay = page.getByTestId('presentation');
			await expect(overlay).toBeVisible();
			await expect
				.poll(() => overlay.evaluate((e) => e.scrollWidth - e.clientWidth), { timeout: 5_000 })
				.toBeLessThanOrEqual(0);
		});
	});
}
