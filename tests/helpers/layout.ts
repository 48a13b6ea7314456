/** Layout checks shared by the browser tests. */
import { expect, type Page } from '@playwright/test';

/**
 * No sideways scrolling. After a resize, charts re-measure their width (ResizeObserver), so the
 * layout is given a moment to settle before it counts.
 */
export async function noSideways(page: Page): Promise<void> {
	await expect
		.poll(
			() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
			{ message: `sideways scroll on ${page.url()}`, timeout: 5_000 }
		)
		.toBeLessThanOrEqual(0);
}
