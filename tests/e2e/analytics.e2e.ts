/**
 * The analytics page in Chromium against the built site: import the webhook fixtures, a file that
 * is not a log, a log with malformed lines, a pricing_analytics export and a generated
 * 100,000-status NDJSON log (cancelled once, then imported in full); read the reconciliation and
 * its mismatches, open one in the sandbox, switch sources and the channel, export the charts as CSV;
 * 1280 and 390 px, light and dark, no sideways scrolling, no console errors. Then: an imported log
 * is still listed after a reload, with its switch, until it is removed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { noSideways } from '../helpers/layout';
import { expect, test, type Page } from '../helpers/test';
import { generateWebhookLog } from '../fixtures/webhooks/generate-log';

test.use({ timezoneId: 'UTC' });

const FIXTURES = [
	'v1-pmp-sent-marketing.json',
	'v2-v24-no-pricing.json',
	'v3-failed.json',
	'v6-pmp-service-reply.json',
	'v7-cbp-service-conversation.json'
].map((f) => `tests/fixtures/webhooks/${f}`);

async function shot(page: Page, name: string) {
	await page.screenshot({ path: `/tmp/analytics-${name}.png`, fullPage: true });
	await page
		.getByRole('region', { name: 'Import a log' })
		.screenshot({ path: `/tmp/analytics-${name}-import.png` });
	await page.getByTestId('history').screenshot({ path: `/tmp/analytics-${name}-history.png` });
	await page.getByTestId('credits').screenshot({ path: `/tmp/analytics-${name}-credits.png` });
	await page
		.getByTestId('reconciliation')
		.filter({ hasText: 'big-log.ndjson' })
		.screenshot({ path: `/tmp/analytics-${name}-recon.png` });
}

test('analytics: import logs, reconcile, chart, export', async ({ page }, testInfo) => {
	test.setTimeout(240_000);
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));

	await page.goto('./analytics');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Analytics');
	await expect(page.getByTestId('no-sources')).toBeVisible();
	const input = page.getByTestId('log-file');

	// Not a webhook log: refused with one clear message, nothing kept.
	await input.setInputFiles({
		name: 'notes.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"hello": "world"}')
	});
	await expect(page.getByTestId('import-error')).toContainText('notes.json is not a WhatsApp webhook log');
	await expect(page.getByTestId('reconciliation')).toHaveCount(0);

	// The §3 fixtures, all at once.
	await input.setInputFiles(FIXTURES);
	await expect(page.getByTestId('reconciliation')).toHaveCount(5);
	const v7 = page.getByTestId('reconciliation').filter({ hasText: 'v7-cbp-service-conversation.json' });
	await expect(v7.getByTestId('matched')).toHaveText('1');
	await expect(v7.getByTestId('mismatched')).toHaveText('1');
	await expect(v7.getByTestId('mismatches')).toContainText('billed though');
	const v2 = page.getByTestId('reconciliation').filter({ hasText: 'v2-v24-no-pricing.json' });
	await expect(v2.getByTestId('mismatches')).toContainText('no pricing category in the log');

	// Malformed lines are listed with their numbers and skipped.
	const good = (await readFile(FIXTURES[0]!, 'utf8')).replace(/\s*\n\s*/g, '');
	await input.setInputFiles({
		name: 'broken.ndjson',
		mimeType: 'application/x-ndjson',
		buffer: Buffer.from(`${good}\n{"entry": [\n${good}\n`)
	});
	const broken = page.getByTestId('reconciliation').filter({ hasText: 'broken.ndjson' });
	await expect(broken).toBeVisible();
	await broken.locator('summary').click();
	await expect(broken.getByTestId('malformed')).toContainText('Line 2: not JSON');

	// Meta's pricing_analytics export: billed totals beside the reconciliation.
	await input.setInputFiles({
		name: 'pricing_analytics.json',
		mimeType: 'application/json',
		buffer: Buffer.from(
			JSON.stringify({
				pricing_analytics: {
					data: [
						{
							data_points: [
								{
									start: 1750000000,
									end: 1750086400,
									country: 'US',
									pricing_type: 'REGULAR',
									pricing_category: 'MARKETING',
									volume: 3,
									cost: 0.075
								}
							]
						}
					]
				}
			})
		)
	});
	await expect(v7.getByTestId('export-totals')).toContainText('3 billed');

	// 100,000 statuses: cancel once (nothing kept), then import in full.
	const bigPath = testInfo.outputPath('big-log.ndjson');
	await writeFile(bigPath, generateWebhookLog(100_000));
	await input.setInputFiles(bigPath);
	await expect(page.getByTestId('import-progress')).toBeVisible();
	await page.getByTestId('import-progress').getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByText('Import cancelled: nothing was kept.')).toBeVisible();
	await expect(page.getByTestId('reconciliation')).toHaveCount(6);

	const started = Date.now();
	await input.setInputFiles(bigPath);
	await expect(page.getByTestId('import-progress')).toContainText(/statuses\/s|Reconciling/);
	const big = page.getByTestId('reconciliation').filter({ hasText: 'big-log.ndjson' });
	await expect(big).toBeVisible({ timeout: 180_000 });
	const wall = (Date.now() - started) / 1000;
	const line = (await big.locator('p').first().textContent())!.replace(/\s+/g, ' ');
	console.log(`100,000-status log: ${wall.toFixed(1)} s wall clock; ${line}`);
	await expect(big).toContainText('100,000 statuses');
	await expect(big.getByTestId('mismatches')).toContainText(
		'utility template inside the customer service window'
	);
	await expect(big.getByTestId('by-market')).toContainText('Indonesia');

	// Charts over every source; week grain; CSV of what is shown.
	await expect(page.getByTestId('credits-chart-svg').locator('rect')).not.toHaveCount(0);
	await expect(page.getByTestId('history-chart-svg').locator('line.billed')).not.toHaveCount(0);
	await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'Week' }).click();
	const download = page.waitForEvent('download');
	await page.getByTestId('history-chart-csv').click();
	const csv = await readFile((await (await download).path())!, 'utf8');
	expect(csv.split('\r\n')[0]).toContain('Period,Marketing (USD)');
	expect(csv).toMatch(/2025-W3\d,/);
	const creditsDownload = page.waitForEvent('download');
	await page.getByTestId('credits-chart-csv').click();
	const credits = await readFile((await (await creditsDownload).path())!, 'utf8');
	expect(credits).toContain('2025-09,Marketing,');

	// Table view for screen readers, shown on demand.
	await page.getByTestId('credits').getByRole('button', { name: 'Show table' }).click();
	await expect(page.getByTestId('credits').getByRole('table')).toContainText('Authentication');
	await page.getByTestId('credits').getByRole('button', { name: 'Show chart' }).click();

	// Channel: one business number; a source switched off.
	await page.getByTestId('channel').selectOption('106540352242923');
	await expect(page.getByTestId('history-total')).toContainText('Predicted');
	await page.getByTestId('channel').selectOption('');
	const before = await page.getByTestId('history-total').textContent();
	await page.getByRole('checkbox', { name: /big-log\.ndjson/ }).uncheck();
	await expect(page.getByTestId('history-total')).not.toHaveText(before!);
	await page.getByRole('checkbox', { name: /big-log\.ndjson/ }).check();

	// Screens: 1280 light, dark; 390 px.
	await page.keyboard.press('Home');
	await shot(page, '1280-light');
	await noSideways(page);
	await page.emulateMedia({ colorScheme: 'dark' });
	await shot(page, '1280-dark');
	await page.setViewportSize({ width: 390, height: 844 });
	await noSideways(page);
	await shot(page, '390-dark');
	await page.emulateMedia({ colorScheme: 'light' });
	await shot(page, '390-light');
	await page.setViewportSize({ width: 1280, height: 720 });

	// Keyboard: the file chooser button and the period buttons are reachable.
	await page.getByRole('button', { name: 'Choose files…' }).focus();
	await expect(page.getByRole('button', { name: 'Choose files…' })).toBeFocused();

	// Open a mismatch's recipient in the sandbox.
	await big
		.getByRole('link', { name: /Open in sandbox/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/sandbox#s2=/);
	await expect(page.getByRole('slider', { name: 'Playhead' })).toBeVisible();

	expect(errors).toEqual([]);
});

test('an imported log is kept across a reload with its switch, until removed', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('./analytics');
	const name = 'v7-cbp-service-conversation.json';
	await page.getByTestId('log-file').setInputFiles(FIXTURES[4]!);
	const card = page.getByTestId('reconciliation').filter({ hasText: name });
	await expect(card).toBeVisible();
	await expect(page.getByText(/statuses reconciled\./)).toBeVisible();
	await page.getByRole('checkbox', { name: new RegExp(name) }).uncheck();

	await page.reload();
	await expect(card).toBeVisible();
	await expect(card.getByTestId('matched')).toHaveText('1');
	await expect(card.getByTestId('mismatches')).toContainText('billed though');
	await expect(page.getByRole('checkbox', { name: new RegExp(name) })).not.toBeChecked();

	await card.getByRole('button', { name: 'Remove' }).click();
	await expect(page.getByTestId('reconciliation')).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('no-sources')).toBeVisible();
	await expect(page.getByTestId('reconciliation')).toHaveCount(0);
	expect(errors).toEqual([]);
});
