import { expect, test } from '../helpers/test';

test('rates: pick a date and a market, read a rate, see its history, import a card', async ({ page }) => {
	const external: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith('http://127.0.0.1')) external.push(r.url());
	});
	await page.goto('./rates');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rate cards');

	await page.getByTestId('rates-date').fill('2023-09-12');
	await page.getByTestId('rates-country').selectOption('ID');
	await expect(page.getByTestId('resolved-market')).toHaveText('Indonesia');
	await expect(page.getByTestId('regime-model')).toHaveText('Priced per conversation');
	const marketing = page.getByTestId('rate-row-marketing');
	await expect(marketing.getByTestId('rate-value')).toHaveText('0.0411');
	await expect(marketing.getByTestId('rate-card')).toContainText('2023-06-01-USD');
	await expect(marketing.getByTestId('confidence')).toHaveText('Confirmed');

	// A dated move: Zimbabwe joins Rest of Africa on 2025-10-01.
	await page.getByTestId('rates-country').selectOption('ZW');
	await page.getByTestId('rates-date').fill('2025-10-01');
	await expect(page.getByTestId('resolved-market')).toHaveText('Rest of Africa');
	await page.getByTestId('rates-country').selectOption('ID');

	const chart = page.getByTestId('rate-chart');
	await expect(chart).toBeVisible();
	await expect(chart.locator('path.run')).not.toHaveCount(0);
	await expect(page.getByTestId('selected-date')).toContainText('1 Oct 2025');
	const firstPoint = chart.getByTestId('chart-point').first();
	await firstPoint.focus();
	await expect(chart.locator('.tip')).toContainText('2023-06-01-USD · 0.0411 USD per conversation');

	await page
		.getByTestId('csv-text')
		.fill('market,category,rate\nIndonesia,marketing,0.0450\nAtlantis,utility,0.01\n');
	await page.getByTestId('apply-card').click();
	await expect(page.getByTestId('import-errors')).toContainText('Line 3: unknown market "Atlantis"');
	await expect(page.getByTestId('csv-text')).toHaveValue(/Atlantis/);
	await expect(page.getByTestId('custom-preview')).toHaveCount(0);

	// The same card fixed, from a file: applied and previewed against Meta's.
	await page.getByTestId('csv-file').setInputFiles({
		name: 'acme.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('market,category,rate\nIndonesia,marketing,0.0450\n')
	});
	await expect(page.getByTestId('import-summary')).toContainText('Using “acme”: 1 rate for 1 market');
	await expect(page.getByTestId('custom-row-marketing')).toContainText('+0.0039');

	// From the top, so the sticky header is not painted over the middle of a full-page shot.
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: 'test-results/artifacts/rates.png', fullPage: true });
	expect(external).toEqual([]);
});

test('rates: choose a currency, read a rate or its absence, read a volume tier', async ({ page }) => {
	await page.goto('./rates');
	await page.getByTestId('rates-date').fill('2026-11-10');
	await page.getByTestId('rates-country').selectOption('BR');
	await expect(page.getByTestId('resolved-market')).toHaveText('Brazil');

	// The currency picker is a labelled select, usable from the keyboard.
	const currency = page.getByLabel('Currency', { exact: true });
	await expect(currency).toHaveValue('USD');
	await currency.focus();
	await page.keyboard.press('ArrowDown');
	await expect(currency).toHaveValue('AED');
	await currency.selectOption('BRL');

	// 2026-10-01-BRL.csv: Brazil,marketing,0.3217
	const marketing = page.getByTestId('rate-row-marketing');
	await expect(marketing.getByTestId('rate-value')).toHaveText('0.3217');
	await expect(marketing.getByTestId('rate-card')).toContainText('2026-10-01-BRL');
	await expect(page.getByTestId('rate-chart').locator('figcaption')).toContainText('Brazil, BRL');

	// No BRL card lists Argentina: no rate, never a converted USD figure.
	await page.getByTestId('rates-country').selectOption('AR');
	await expect(marketing.getByTestId('rate-value')).toHaveText('No rate known');
	await expect(marketing.getByTestId('no-rate-reason')).toContainText('no rate known in BRL');
	await expect(page.getByTestId('rate-table')).not.toContainText('0.0618');

	// tiers-2026-10-01.csv: Argentina,utility,100001,1000000,0.0247,confirmed
	await currency.selectOption('USD');
	await expect(page.getByTestId('tier-table-id')).toContainText('tiers-2026-10-01');
	const tier2 = page.getByTestId('tier-row-2');
	await expect(tier2.getByTestId('tier-range')).toHaveText('the 100,001st–1,000,000th');
	await expect(tier2.getByTestId('tier-rate')).toHaveText('0.0247');
	await expect(tier2.getByTestId('confidence')).toHaveText(/confirmed/i);

	await page.getByTestId('rates-date').fill('2026-03-01');
	await expect(page.getByTestId('tier-table')).toHaveCount(0);
	await expect(page.getByTestId('tiers-none')).toContainText('No volume-tier table is known for this date');
});

test('rates at phone width: nothing scrolls sideways, the card list stays one line until opened', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('./rates');
	await page.getByTestId('rates-date').fill('2026-11-10');
	await page.getByTestId('rates-country').selectOption('AR');
	await expect(page.getByTestId('tier-row-2')).toBeVisible();
	// How far the page's own content reaches past the viewport's right edge (the app header is not this page's).
	const overflow = () =>
		page.evaluate(() => {
			const right = Math.max(
				...[...document.querySelectorAll('main *')].map((el) => el.getBoundingClientRect().right)
			);
			return Math.ceil(right - document.documentElement.clientWidth);
		});
	expect(await overflow()).toBeLessThanOrEqual(0);
	const list = page.getByTestId('card-list');
	expect((await list.boundingBox())?.height ?? 0).toBeLessThan(80);
	await list.locator('summary').click();
	await expect(page.getByTestId('card-2026-10-01-BRL')).toBeVisible();
	expect(await overflow()).toBeLessThanOrEqual(0);
	await page.getByTestId('card-2026-10-01-BRL').click();
	await expect(page.getByTestId('rates-currency')).toHaveValue('BRL');
	await expect(page.getByTestId('rates-date')).toHaveValue('2026-10-01');
});
