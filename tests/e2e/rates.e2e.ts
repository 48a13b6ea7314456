import { expect, test } from '@playwright/test';

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
