/**
 * The timeline on a phone (issue 14 point 1, timeline part): lane names are whole at 360–430 px
 * (not "ervice window"), and the timeline works by touch — drag the playhead, zoom with the buttons
 * or by pinching. Checked with every use case, and at 1280 px for the labels.
 */
import { expect, test, type CDPSession, type Page } from '../helpers/test';

test.use({ timezoneId: 'Asia/Jakarta' });

const USE_CASES = [
	'service-conversation',
	'click-to-whatsapp',
	'business-initiated',
	'same-category',
	'multiple-conversations'
].map((id, i) => ({ id, number: i + 1 }));

/** Every lane name lies whole inside the timeline, and none is cut short. */
async function labelsWhole(page: Page) {
	const bad = await page.locator('.wa-timeline').evaluate((tl) => {
		const left = tl.getBoundingClientRect().left;
		const out: string[] = [];
		for (const label of tl.querySelectorAll<HTMLElement>('.label')) {
			const range = document.createRange();
			range.selectNodeContents(label);
			const r = range.getBoundingClientRect();
			const cut = [...label.querySelectorAll<HTMLElement>('*')].some(
				(e) => e.scrollWidth > e.clientWidth + 0.5
			);
			if (r.left < left - 0.5 || cut) out.push(label.textContent?.trim() ?? '');
		}
		return out;
	});
	expect(bad).toEqual([]);
}

for (const width of [360, 390, 430, 1280])
	test(`lane names are whole at ${width} px with every use case`, async ({ page }) => {
		await page.setViewportSize({ width, height: 800 });
		for (const uc of USE_CASES) {
			await page.goto(`./sandbox?usecase=${uc.id}`);
			await expect(page.getByRole('slider', { name: 'Playhead' })).toBeVisible();
			await labelsWhole(page);
			if (width === 390)
				await page.screenshot({ path: `test-results/artifacts/timeline-390-uc${uc.number}.png` });
		}
	});

test.describe('by touch at 390 px', () => {
	test.use({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });

	const touch = (
		cdp: CDPSession,
		type: 'touchStart' | 'touchMove' | 'touchEnd',
		points: { x: number; y: number }[]
	) =>
		cdp.send('Input.dispatchTouchEvent', {
			type,
			touchPoints: points.map((p, id) => ({ x: Math.round(p.x), y: Math.round(p.y), id }))
		});

	const rangeLabel = (page: Page) => page.locator('.wa-timeline .where strong').innerText();

	test('a finger drags the playhead', async ({ page }) => {
		await page.goto('./sandbox?usecase=service-conversation');
		const handle = page.getByRole('slider', { name: 'Playhead' });
		await page.waitForTimeout(500);
		const before = Number(await handle.getAttribute('aria-valuenow'));
		const box = (await handle.boundingBox())!;
		const cdp = await page.context().newCDPSession(page);
		const y = box.y + box.height / 2;
		const x = box.x + box.width / 2;
		await touch(cdp, 'touchStart', [{ x, y }]);
		for (let i = 1; i <= 10; i++) await touch(cdp, 'touchMove', [{ x: x + i * 8, y }]);
		await touch(cdp, 'touchEnd', []);
		await expect.poll(async () => Number(await handle.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
	});

	test('the zoom buttons and a pinch zoom in', async ({ page }) => {
		await page.goto('./sandbox?usecase=service-conversation');
		await page.waitForTimeout(500);
		const fitted = await rangeLabel(page);
		await page.getByRole('button', { name: 'Zoom in' }).tap();
		await expect.poll(() => rangeLabel(page)).not.toBe(fitted);
		await page.getByRole('button', { name: 'Fit' }).tap();
		await expect.poll(() => rangeLabel(page)).toBe(fitted);
		// Two fingers on the lanes moving apart.
		const plot = (await page.locator('.wa-timeline .plot').boundingBox())!;
		const cdp = await page.context().newCDPSession(page);
		const y = plot.y + plot.height * 0.8;
		const mid = plot.x + plot.width / 2;
		await touch(cdp, 'touchStart', [
			{ x: mid - 20, y },
			{ x: mid + 20, y }
		]);
		for (let i = 1; i <= 8; i++)
			await touch(cdp, 'touchMove', [
				{ x: mid - 20 - i * 10, y },
				{ x: mid + 20 + i * 10, y }
			]);
		await touch(cdp, 'touchEnd', []);
		await expect.poll(() => rangeLabel(page)).not.toBe(fitted);
	});
});
