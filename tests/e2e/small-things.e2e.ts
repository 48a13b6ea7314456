/**
 * Issue 14, point 9: money reads with the same decimals everywhere; the documented use cases are
 * not called a "what if"; the rates page opens on today in the visitor's zone; an unknown address
 * shows a real page with the app's header and a way home; the ledger downloads as CSV from the
 * sandbox, next to the run's JSON export.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '../helpers/test';
import { USE_CASE_IDS } from '../helpers/pages';

const MONEY = /\d+\.\d+ [A-Z]{3}/g;

test('money: a provider mark-up reads with four decimals, like the charges beside it', async ({ page }) => {
	await page.goto('./sandbox?usecase=multiple-conversations');
	await page.getByText('Scenario settings').click();
	await page.getByTestId('price-markup').fill('10');
	await page.getByTestId('price-markup').press('Tab');
	const markup = page.getByTestId('provider-markup');
	await expect(markup).toContainText('Mark-up (10%)');
	// 10 % of 0.0711 is 0.00711: shown as 0.0071 next to 0.0711, not with a fifth decimal.
	await expect(markup).toContainText('0.0071 USD');
	await expect(page.getByTestId('provider-grand-total')).toContainText('0.0782 USD');
	const text = await page.locator('main').innerText();
	const amounts = text.match(MONEY) ?? [];
	expect(amounts.length).toBeGreaterThan(10);
	for (const a of amounts) expect(a).toMatch(/^\d+\.\d{4} [A-Z]{3}$/);
});

test('the documented use cases are priced by the regime in force, not labelled a what-if', async ({
	page
}) => {
	for (const id of USE_CASE_IDS) {
		await page.goto(`./sandbox?usecase=${id}`);
		const used = page.getByTestId('regime-used');
		await expect(used).toContainText('(in force on the date)');
		await expect(used).not.toContainText('what if');
	}
	// Pinning another regime is a what-if.
	await page.getByTestId('regime-select').selectOption('pmp-2025-07');
	await expect(page.getByTestId('regime-used')).toContainText('(chosen: what if)');
});

test.describe('the rates page opens on today, in the visitor’s zone', () => {
	// 20:00 UTC on 14 March 2027 is already 15 March in Auckland.
	test.use({ timezoneId: 'Pacific/Auckland' });
	test('not a fixed date, and not the UTC date', async ({ page }) => {
		await page.clock.setFixedTime(new Date('2027-03-14T20:00:00Z'));
		await page.goto('./rates');
		await expect(page.getByTestId('rates-date')).toHaveValue('2027-03-15');
	});
});

test('an unknown address: a real page in the app’s frame with a way home', async ({ page }) => {
	await page.goto('./no-such-page/here');
	await expect(page.getByRole('banner')).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is no page here');
	await expect(page.getByTestId('not-found')).toContainText('/no-such-page/here');
	await expect(page).toHaveTitle(/Page not found/);
	await page.getByTestId('not-found-home').click();
	await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
	await expect(page.getByTestId('use-case-card')).toHaveCount(5);
});

test('the ledger downloads as CSV from the sandbox, next to the JSON export', async ({ page }) => {
	await page.goto('./sandbox?usecase=multiple-conversations');
	const json = page.getByTestId('export-run');
	const csv = page.getByTestId('export-ledger-csv');
	await expect(csv).toBeVisible();
	await expect(csv).toHaveAccessibleName(/Ledger CSV/);
	// Side by side in the same group of controls.
	const [a, b] = [await json.boundingBox(), await csv.boundingBox()];
	expect(Math.abs(a!.y - b!.y) < 60 && Math.abs(a!.x - b!.x) < 300).toBe(true);
	const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
	expect(download.suggestedFilename()).toMatch(/\.ledger\.csv$/);
	const text = await readFile((await download.path())!, 'utf8');
	const lines = text.trim().split('\r\n');
	expect(lines[0]).toMatch(/^event,local_time,utc_time,type,category,outcome,charge,currency/);
	expect(lines).toHaveLength(1 + 2);
	const charges = lines.slice(1).map((l) => Number(l.split(',')[6]));
	expect(charges.reduce((s, c) => s + c, 0)).toBeCloseTo(0.0711, 6);
});
