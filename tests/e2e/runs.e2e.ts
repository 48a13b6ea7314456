/**
 * The runs library in a real browser (Chromium, real IndexedDB), against the built site: save,
 * reload, reopen; export, clear the site's storage, import; share links in a fresh context; the
 * runs page's own journeys; storage off and a newer version in another tab.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type BrowserContext, type Page } from '../helpers/test';

test.use({ timezoneId: 'Asia/Jakarta' });

const shot = (page: Page, name: string) =>
	page.screenshot({ path: `test-results/artifacts/runs-${name}.png` });
const playhead = (page: Page) => page.getByRole('slider', { name: 'Playhead' });

async function openUseCase(page: Page, id: string) {
	await page.goto(`./sandbox?usecase=${id}`);
	await expect(playhead(page)).toBeVisible();
}

/** The total once every event has happened: the playhead at the end. */
async function finalTotal(page: Page): Promise<string> {
	await playhead(page).focus();
	await page.keyboard.press('End');
	const total = page.getByTestId('total');
	await expect(total).toHaveText(/\d+\.\d+ USD/);
	return (await total.textContent())!.trim();
}

/** Records in a store, read with the raw IndexedDB API in the page. */
function countRecords(page: Page, store: string): Promise<number> {
	return page.evaluate(
		(name) =>
			new Promise<number>((resolve, reject) => {
				const req = indexedDB.open('wa-pricing-sandbox');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const db = req.result;
					if (!db.objectStoreNames.contains(name)) {
						db.close();
						resolve(0);
						return;
					}
					const c = db.transaction(name, 'readonly').objectStore(name).count();
					c.onsuccess = () => {
						db.close();
						resolve(c.result);
					};
					c.onerror = () => reject(c.error);
				};
			}),
		store
	);
}

async function clearSiteData(context: BrowserContext, page: Page) {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'all' });
	await cdp.detach();
}

test.describe('save, reload, reopen', () => {
	test('a saved run reopens with the same ledger total', async ({ page }) => {
		await openUseCase(page, 'multiple-conversations');
		const total = await finalTotal(page);
		expect(total).toBe('0.0711 USD');
		await expect(page.getByTestId('save-state')).toHaveText('Not saved yet');
		await page.getByTestId('save-run').click();
		await expect(page.getByTestId('save-state')).toHaveText('Saved');
		await expect(page).toHaveURL(/\/sandbox\?run=[0-9a-f-]{36}$/);
		const runId = new URL(page.url()).searchParams.get('run');
		await shot(page, 'saved');

		await page.reload();
		await expect(page.getByTestId('save-state')).toHaveText('Saved');
		expect(await finalTotal(page)).toBe(total);

		await page.goto('./runs');
		const row = page.locator(`[data-run-id="${runId}"]`);
		await expect(row).toContainText('Use case 5');
		await expect(row).toContainText('0.0711 USD');
		await row.getByTestId('open-run').click();
		await expect(page).toHaveURL(new RegExp(`/sandbox\\?run=${runId}$`));
		await expect(page.getByTestId('save-state')).toHaveText('Saved');
		expect(await finalTotal(page)).toBe(total);
		await expect(page.getByTestId('run-notice')).toHaveCount(0);
	});

	test('an edit is autosaved as a draft and comes back after closing the tab', async ({ page, context }) => {
		await openUseCase(page, 'same-category');
		await page.getByTestId('save-run').click();
		await expect(page.getByTestId('save-state')).toHaveText('Saved');
		// An edit: price the scenario under another regime ("what if").
		await page.getByTestId('regime-select').selectOption('pmp-2025-07');
		await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
		await page.waitForTimeout(1500);
		const url = page.url();
		await page.close();
		const again = await context.newPage();
		await again.goto(url);
		await expect(again.getByTestId('regime-select')).toHaveValue('pmp-2025-07');
		await expect(again.getByTestId('save-state')).toHaveText('Unsaved changes');
		await again.getByTestId('save-run').click();
		await expect(again.getByTestId('save-state')).toHaveText('Saved');
		expect(await countRecords(again, 'autosave')).toBe(0);
	});
});

test.describe('export, clear storage, import', () => {
	test('an exported run imports back into an emptied browser with the same total', async ({
		page,
		context
	}, info) => {
		await openUseCase(page, 'same-category');
		const total = await finalTotal(page);
		await page.getByTestId('save-run').click();
		await expect(page.getByTestId('save-state')).toHaveText('Saved');

		await page.goto('./runs');
		await expect(page.getByTestId('run-row')).toHaveCount(1);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('export-one').click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.wa-runs\.json$/);
		const file = info.outputPath('exported.wa-runs.json');
		await download.saveAs(file);
		const data = JSON.parse(await readFile(file, 'utf8'));
		expect(data.format).toBe('wa-pricing-runs/1');
		expect(data.runs).toHaveLength(1);
		expect(`${data.runs[0].summary.total} USD`).toBe(total);

		await clearSiteData(context, page);
		await page.reload();
		await expect(page.getByTestId('runs-empty')).toBeVisible();
		expect(await countRecords(page, 'runs')).toBe(0);

		await page.getByTestId('import-file').setInputFiles(file);
		await expect(page.getByTestId('import-report')).toContainText('Imported 1 run.');
		await expect(page.getByTestId('run-row')).toHaveCount(1);
		await expect(page.getByTestId('run-row')).toContainText(total);
		await shot(page, 'imported');
		await page.getByTestId('open-run').click();
		await expect(page.getByTestId('save-state')).toHaveText('Saved');
		expect(await finalTotal(page)).toBe(total);
	});

	test('export all, then a file with one invalid run imports nothing', async ({ page }) => {
		await page.goto('./runs');
		await page.getByTestId('import-file').setInputFiles('tests/fixtures/storage/sample-runs.wa-runs.json');
		await expect(page.getByTestId('import-report')).toContainText('Imported 5 runs.');
		await expect(page.getByTestId('run-row')).toHaveCount(5);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('export-all').click()
		]);
		const all = JSON.parse(await readFile((await download.path())!, 'utf8'));
		expect(all.runs).toHaveLength(5);

		all.runs[3].scenario.events[0].at = 'not a time';
		await page.getByTestId('import-file').setInputFiles({
			name: 'broken.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(all))
		});
		await expect(page.getByTestId('import-report')).toContainText(
			'Nothing was imported: 1 run of 5 is invalid'
		);
		await expect(page.getByTestId('import-report')).toContainText('Run 4');
		await expect(page.getByTestId('import-report')).toContainText('scenario.events.0.at');
		expect(await countRecords(page, 'runs')).toBe(5);
	});
});

test.describe('share links', () => {
	test('a share link opens the same scenario in a fresh browser without writing anything', async ({
		page,
		browser
	}) => {
		await openUseCase(page, 'click-to-whatsapp');
		const total = await finalTotal(page);
		const title = await page.getByTestId('scenario-title').textContent();
		await page.getByTestId('share-link').click();
		const link = await page.getByTestId('share-url').inputValue();
		expect(link).toMatch(/\/sandbox#s2=/);
		await shot(page, 'share');

		const fresh = await browser.newContext({ timezoneId: 'Asia/Jakarta' });
		const other = await fresh.newPage();
		await other.goto(link);
		await expect(other.getByTestId('scenario-title')).toHaveText(title!);
		expect(await finalTotal(other)).toBe(total);
		await expect(other.getByTestId('save-state')).toHaveText('Not saved yet');
		await other.waitForTimeout(1200);
		expect(await countRecords(other, 'runs')).toBe(0);
		expect(await countRecords(other, 'autosave')).toBe(0);
		await other.getByTestId('save-run').click();
		await expect(other.getByTestId('save-state')).toHaveText('Saved');
		expect(await countRecords(other, 'runs')).toBe(1);
		await fresh.close();
	});
});

test.describe('the runs page', () => {
	test('rename inline, duplicate, delete and undo, search and sort', async ({ page }) => {
		await page.goto('./runs');
		await page.getByTestId('import-file').setInputFiles('tests/fixtures/storage/sample-runs.wa-runs.json');
		await expect(page.getByTestId('run-row')).toHaveCount(5);
		// Names are text: the markup in a name is shown, not rendered.
		await expect(
			page.getByTestId('runs-table').getByText('ACME demo: click-to-WhatsApp ad <b>campaign</b>')
		).toBeVisible();
		await expect(page.locator('[data-testid="runs-table"] b')).toHaveCount(0);

		const first = page.getByTestId('run-row').first();
		await first.getByTestId('rename-run').click();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('Renamed by keyboard');
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('run-row').first()).toContainText('Renamed by keyboard');

		await page.getByTestId('run-row').first().getByTestId('duplicate-run').click();
		await expect(page.getByTestId('run-row')).toHaveCount(6);
		await expect(page.getByTestId('run-row').first()).toContainText('Renamed by keyboard (copy)');

		await page.getByTestId('run-row').first().getByTestId('delete-run').click();
		await expect(page.getByTestId('run-row')).toHaveCount(5);
		await expect(page.getByTestId('undo-toast')).toContainText('Renamed by keyboard (copy)');
		await page.getByTestId('undo-delete').click();
		await expect(page.getByTestId('run-row')).toHaveCount(6);

		await page.getByTestId('runs-search').fill('acme');
		await expect(page.getByTestId('run-row')).toHaveCount(1);
		await page.getByTestId('runs-search').fill('');
		await page.getByTestId('runs-sort').selectOption('total');
		await expect(page.getByTestId('run-row').first()).toContainText('0.0822 USD');
		await page.reload();
		await expect(page.getByTestId('runs-sort')).toHaveValue('total');
	});

	test('without IndexedDB the page says saving is off and the sandbox still works', async ({ page }) => {
		await page.addInitScript(() => {
			Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
		});
		await page.goto('./runs');
		await expect(page.getByTestId('saving-off')).toContainText(
			'Saving is off: this browser gives the page no IndexedDB'
		);
		await shot(page, 'off');
		await openUseCase(page, 'multiple-conversations');
		await expect(page.getByTestId('save-state')).toContainText('Saving is off');
		await expect(page.getByTestId('save-run')).toBeDisabled();
		expect(await finalTotal(page)).toBe('0.0711 USD');
	});

	test('a newer version opening in another tab: this tab stops saving and asks for a reload', async ({
		page,
		context
	}) => {
		await page.goto('./runs');
		await expect(page.getByTestId('runs-empty')).toBeVisible();
		const other = await context.newPage();
		await other.goto('./runs');
		// Both tabs hold the database open; then a newer version (1000) opens it from the second one.
		await expect(other.getByTestId('runs-empty')).toBeVisible();
		await other.evaluate(
			() =>
				new Promise<void>((resolve, reject) => {
					const req = indexedDB.open('wa-pricing-sandbox', 1000);
					req.onsuccess = () => {
						req.result.close();
						resolve();
					};
					req.onerror = () => reject(req.error);
				})
		);
		for (const p of [page, other]) {
			await expect(p.getByTestId('saving-off')).toContainText('newer version of this app');
			await expect(p.getByRole('button', { name: 'Reload' })).toBeVisible();
		}
	});
});
