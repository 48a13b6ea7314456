/**
 * A 100,000-event run opened from a share link (issue "One statement of the pricing rules" point 4):
 * priced on the bulk path in a worker while the page stays usable, the playhead dragged while it
 * loads, the live panel right afterwards, and the page kept small (only visible rows rendered).
 */
import { expect, test } from '../helpers/test';
import LZString from 'lz-string';
import type { Scenario } from '../../src/lib/domain/scenario';
import { encodeShareFragment } from '../../src/lib/storage/share-link';
import { largeScenario } from '../helpers/large-scenario';

test.use({ timezoneId: 'Asia/Jakarta' });

// The link the app makes now (s2, the packed scenario) and one of the first format (s1), which still opens.
const LINKS = {
	s2: () => encodeShareFragment(largeScenario(100_000) as Scenario),
	s1: () => `s1=${LZString.compressToEncodedURIComponent(JSON.stringify(largeScenario(100_000)))}`
};

for (const [format, link] of Object.entries(LINKS))
	test(`a 100,000-event run opens from an ${format} link, stays responsive while it is priced, and scrubs correctly`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		const fragment = link();
		await page.goto(`./sandbox#${fragment}`);
		const playhead = page.getByRole('slider', { name: 'Playhead' });
		await expect(playhead).toBeVisible({ timeout: 30_000 });

		// Drag the playhead while the run is being priced: the page answers.
		const box = (await playhead.boundingBox())!;
		const plot = (await page.locator('.wa-timeline').boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.down();
		for (let i = 1; i <= 8; i++)
			await page.mouse.move(box.x + ((plot.x + plot.width * 0.9 - box.x) * i) / 8, box.y + box.height / 2);
		await page.mouse.up();

		// The page answered while it worked: a script runs at once.
		expect(await page.evaluate(() => 1 + 1)).toBe(2);

		// Priced: the status goes away; the run's total is known.
		await expect(page.getByTestId('pricing-status')).toHaveCount(0, { timeout: 60_000 });
		const whole = (await page.locator('.of').textContent())!.match(/of (.+) for the whole run/)![1]!;
		expect(whole).not.toBe('0.0000 USD');

		// Scrubbing after the drag: at the end of the run the live panel shows the run's total.
		await playhead.focus();
		await page.keyboard.press('End');
		await expect(page.getByTestId('total')).toHaveText(whole);
		await page.keyboard.press('Home');
		await expect(page.getByTestId('total')).toHaveText('0.0000 USD');
		await page.keyboard.press('End');
		await expect(page.getByTestId('total')).toHaveText(whole);

		// Small page whatever the run's size: only the visible message rows are rendered.
		await expect(page.getByTestId('message-viewport')).toBeVisible();
		const rows = await page.getByTestId('message-row').count();
		expect(rows).toBeGreaterThan(0);
		expect(rows).toBeLessThan(100);
		const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
		expect(nodes).toBeLessThan(5_000);
		await page.screenshot({ path: `test-results/artifacts/large-run-${format}.png` });
	});
