/**
 * The runs page as a person meets it (issue 14 point 8): re-importing an export asks "already here —
 * skip or keep both"; a copy's "(copy)" stays visible; an empty rename says why it reverted; the
 * Regime column shows names; a file that is not JSON gets one readable message.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '../helpers/test';

test.use({ timezoneId: 'Asia/Jakarta' });

const shot = (page: Page, name: string) =>
	page.screenshot({ path: `test-results/artifacts/runs-page-${name}.png` });
const SAMPLE = 'tests/fixtures/storage/sample-runs.wa-runs.json';

async function importSample(page: Page) {
	await page.goto('./runs');
	await page.getByTestId('import-file').setInputFiles(SAMPLE);
	await expect(page.getByTestId('import-report')).toContainText('Imported 5 runs.');
	await expect(page.getByTestId('run-row')).toHaveCount(5);
}

test('re-importing an export: "already here — skip or keep both" instead of duplicates', async ({ page }) => {
	await importSample(page);
	const download = page.waitForEvent('download');
	await page.getByTestId('export-all').click();
	const exported = await readFile(await (await download).path());

	await page.getByTestId('import-file').setInputFiles({
		name: 'again.wa-runs.json',
		mimeType: 'application/json',
		buffer: exported
	});
	const question = page.getByTestId('import-duplicates');
	await expect(question).toContainText('All 5 runs in this file are already here.');
	await shot(page, 'already-here');
	await page.getByTestId('import-skip').click();
	await expect(page.getByTestId('import-report')).toContainText('Nothing new to import');
	await expect(page.getByTestId('run-row')).toHaveCount(5);

	// Asked again, "keep both" adds them beside the saved ones.
	await page.getByTestId('import-file').setInputFiles({
		name: 'again.wa-runs.json',
		mimeType: 'application/json',
		buffer: exported
	});
	await page.getByTestId('import-keep-both').click();
	await expect(page.getByTestId('import-report')).toContainText('Imported 5 runs.');
	await expect(page.getByTestId('run-row')).toHaveCount(10);
});

for (const width of [1280, 390]) {
	test(`a copy's "(copy)" suffix stays visible at ${width} px`, async ({ page }) => {
		await page.setViewportSize({ width, height: 800 });
		await page.goto('./runs');
		const long = `Quarterly re-engagement campaign for lapsed subscribers in Indonesia ${'and Malaysia '.repeat(4)}`;
		const scenario = JSON.parse(await readFile(SAMPLE, 'utf8')).runs[0].scenario;
		await page.getByTestId('import-file').setInputFiles({
			name: 'long.wa-runs.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify({ format: 'wa-pricing-runs/1', runs: [{ name: long, scenario }] }))
		});
		await expect(page.getByTestId('run-row')).toHaveCount(1);
		await page.getByTestId('duplicate-run').click();
		const copy = page.getByTestId('run-row').filter({ hasText: '(copy)' });
		await expect(copy).toHaveCount(1);
		const tail = copy.getByTestId('name-tail');
		await expect(tail).toHaveText(' (copy)');
		await expect(tail).toBeInViewport();
		// Not cut: the tail's whole box lies inside the cell that holds it.
		const [t, cell] = await Promise.all([tail.boundingBox(), copy.locator('td').first().boundingBox()]);
		expect(t!.width).toBeGreaterThan(20);
		expect(t!.x + t!.width).toBeLessThanOrEqual(cell!.x + cell!.width + 0.5);
		await shot(page, `copy-${width}`);
	});
}

test('an empty rename says why the old name stays', async ({ page }) => {
	await importSample(page);
	const row = page.getByTestId('run-row').first();
	const before = (await row.getByTestId('open-run').textContent())!;
	await row.getByTestId('rename-run').click();
	await row.getByTestId('rename-input').fill('   ');
	await row.getByTestId('rename-input').press('Enter');
	await expect(page.getByTestId('runs-message')).toContainText(
		`A run needs a name, so “${before}” was kept.`
	);
	await expect(row.getByTestId('open-run')).toHaveText(before);
});

test('the Regime column shows regime names, not ids', async ({ page }) => {
	await importSample(page);
	const table = page.getByTestId('runs-table');
	await expect(table).toContainText('Conversation-based, 4 categories (June 2023)');
	await expect(table.locator('tbody')).not.toContainText(/cbp-20\d\d-\d\d|pmp-20\d\d-\d\d/);
});

test('a file that is not JSON: one readable message, no parser text', async ({ page }) => {
	await page.goto('./runs');
	await page.getByTestId('import-file').setInputFiles({
		name: 'notes.json',
		mimeType: 'application/json',
		buffer: Buffer.from('Hello, this is not JSON {')
	});
	const report = page.getByTestId('import-report');
	await expect(report).toContainText('Nothing was imported: the file is not valid JSON. Import a runs file');
	await expect(report).not.toContainText(/Unexpected|position|SyntaxError|JSON\.parse/);
	await expect(page.getByText(/not valid JSON/)).toHaveCount(1);
	await shot(page, 'not-json');
});
