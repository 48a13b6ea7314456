/**
 * Timeline handling (issue 14 point 6), at 1280 and 390 px: a clicked mark can then be dragged;
 * popups are never cut off; close marks at "Fit" keep both amounts; the playhead comes before every
 * mark in the Tab order, with its keys shown.
 */
import { expect, test, type Locator, type Page } from '../helpers/test';

test.use({ timezoneId: 'Asia/Jakarta' });

const playhead = (page: Page) => page.getByRole('slider', { name: 'Playhead' });

/** A bounding box once the layout has settled (the timeline re-lays out after measuring its width). */
async function settledBox(page: Page, locator: Locator) {
	let prev = await locator.boundingBox();
	for (let i = 0; i < 20; i++) {
		await page.waitForTimeout(100);
		const next = await locator.boundingBox();
		if (prev && next && prev.x === next.x && prev.y === next.y && prev.width === next.width) return next;
		prev = next;
	}
	return prev!;
}

for (const width of [1280, 390])
	test.describe(`at ${width} px`, () => {
		test.use({ viewport: { width, height: 800 } });

		test('a mark that was clicked can then be dragged to a new time', async ({ page }) => {
			await page.goto('./sandbox?usecase=service-conversation');
			// The agent's first reply, 10:00 on 12 Sep: click it (the playhead jumps onto it), then drag it.
			const mark = page.locator('.wa-timeline .mark[aria-label^="Tue 12 Sep 2023 10:00"]');
			const box = await settledBox(page, mark.locator('.shape'));
			const cx = box.x + box.width / 2;
			const cy = box.y + box.height / 2;
			await page.mouse.click(cx, cy);
			await expect(playhead(page)).toHaveAttribute('aria-valuetext', /12 Sep 2023 10:00/);
			const before = await playhead(page).getAttribute('aria-valuenow');
			await page.mouse.move(cx, cy);
			await page.mouse.down();
			for (let i = 1; i <= 8; i++) await page.mouse.move(cx + i * 6, cy);
			await page.mouse.up();
			// The reply moved (no mark at 10:00 any more); the drag did not scrub the playhead.
			await expect(mark).toHaveCount(0);
			await expect(page.locator('.wa-timeline .mark[aria-label*="Free-form business message"]')).toHaveCount(
				3
			);
			expect(await playhead(page).getAttribute('aria-valuenow')).not.toBe(before);
			await expect(page.getByTestId('message-row').nth(1)).not.toContainText('10:00');
		});

		test('a mark’s popup is whole, below or above the mark, even at the bottom of the screen', async ({
			page
		}) => {
			await page.goto('./sandbox?usecase=service-conversation');
			const mark = page.locator('.wa-timeline .mark[aria-label*="blocked"] .shape');
			// Below the mark: first with room, then with the viewport ending just under it.
			let box = await settledBox(page, mark);
			await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
			await expect(page.getByRole('tooltip')).toHaveAttribute('data-placement', 'below');
			await page.mouse.move(0, 0);
			await page.setViewportSize({ width, height: Math.round(box.y + box.height + 40) });
			box = await settledBox(page, mark);
			await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
			const tip = page.getByRole('tooltip');
			await expect(tip).toBeVisible();
			await expect(tip).toContainText('131047');
			await expect(tip).toHaveAttribute('data-placement', 'above');
			const t = (await tip.boundingBox())!;
			const vh = page.viewportSize()!.height;
			expect(t.y).toBeGreaterThanOrEqual(0);
			expect(t.y + t.height).toBeLessThanOrEqual(vh);
			expect(t.x).toBeGreaterThanOrEqual(0);
			expect(t.x + t.width).toBeLessThanOrEqual(width);
			// Nothing covers or clips it: its corners are the popup itself (hit-testable for this check).
			await tip.evaluate((el) => ((el as HTMLElement).style.pointerEvents = 'auto'));
			for (const [x, y] of [
				[t.x + 6, t.y + 4],
				[t.x + t.width - 6, t.y + t.height - 4]
			]) {
				const on = await page.evaluate(
					([px, py]) => !!document.elementFromPoint(px!, py!)?.closest('[role="tooltip"]'),
					[x, y]
				);
				expect(on).toBe(true);
			}
		});

		test('at Fit, use case 5’s 12:00 and 12:05 templates both show their charge', async ({ page }) => {
			await page.goto('./sandbox?usecase=multiple-conversations');
			await page.getByRole('button', { name: 'Fit' }).click();
			const labels = page.locator('.wa-timeline .mark text');
			await expect(labels).toHaveCount(2);
			await expect(labels.nth(0)).toHaveText('0.0411');
			await expect(labels.nth(1)).toHaveText('0.0300');
			const a = (await labels.nth(0).boundingBox())!;
			const b = (await labels.nth(1).boundingBox())!;
			const overlap =
				a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
			expect(overlap).toBe(false);
		});

		test('the playhead is the timeline’s first Tab stop, before every mark and the zoom buttons', async ({
			page
		}) => {
			await page.goto('./sandbox?usecase=click-to-whatsapp');
			await expect(playhead(page)).toBeVisible();
			// Shift+Tab from the playhead leaves the timeline: nothing in it comes before.
			await playhead(page).focus();
			await page.keyboard.press('Shift+Tab');
			expect(await page.evaluate(() => !!document.activeElement?.closest('.wa-timeline'))).toBe(false);
			// Tab comes back to the playhead, then the marks, and the zoom buttons last.
			await page.keyboard.press('Tab');
			await expect(playhead(page)).toBeFocused();
			await page.keyboard.press('Tab');
			await expect(page.locator('.wa-timeline .mark').first()).toBeFocused();
			const order = await page.evaluate(() =>
				[...document.querySelectorAll<HTMLElement>('.wa-timeline button, .wa-timeline [tabindex]')]
					.filter((e) => e.tabIndex >= 0)
					.map((e) => e.getAttribute('aria-label') ?? e.textContent?.trim() ?? '')
			);
			expect(order[0]).toBe('Playhead');
			expect(order.slice(-3)).toEqual(['Zoom out', 'Zoom in', 'Fit']);
			// Its keys are shown outside presentation mode too.
			await expect(page.locator('.wa-timeline').getByText('Playhead keys')).toBeVisible();
		});
	});
