/**
 * Storage at its limits (issue 13 points 4, 9 and 10), in real Chromium: a full disk (a quota set
 * through the DevTools protocol), storage that throws on access, and a library of 10,000 runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '../helpers/test';

test.use({ timezoneId: 'Asia/Jakarta' });

const shot = (page: Page, name: string) =>
	page.screenshot({ path: `test-results/artifacts/storage-limits-${name}.png`, fullPage: false });

/** Text that does not compress (the disk stores IndexedDB values compressed). */
function noise(seed: number, length: number): string {
	let x = seed * 2654435761 + 1;
	let out = '';
	for (let i = 0; i < length; i++) {
		x = (x * 1103515245 + 12345) % 2147483648;
		out += String.fromCharCode(97 + (x % 26));
	}
	return out;
}

/** A valid scenario of `events` templates, a few hundred bytes per event. */
function scenario(name: string, events: number, seed = 1) {
	return {
		format: 'wa-pricing-scenario/1',
		name,
		market: 'ID',
		regime: 'cbp-2023-06',
		timezone: 'Asia/Jakarta',
		events: Array.from({ length: events }, (_, i) => ({
			at: new Date(Date.UTC(2023, 8, 12, 5, 0) + i * 60_000).toISOString(),
			type: 'template',
			category: 'marketing',
			text: `Offer ${i}: ${noise(seed * 1000 + i, 200)}`
		}))
	};
}

/** A runs file of `count` runs (ids run-0 … run-{count-1}), as the bytes setInputFiles wants. */
function runsFile(count: number, eventsPerRun: number, prefix = 'Run') {
	const runs = Array.from({ length: count }, (_, i) => ({
		id: `run-${i}`,
		name: `${prefix} ${String(i).padStart(5, '0')}`,
		scenario: scenario(`${prefix} ${i}`, eventsPerRun, i + 1)
	}));
	return {
		name: 'library.wa-runs.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ format: 'wa-pricing-runs/1', runs }))
	};
}

/** Records in the runs store, read with the raw IndexedDB API. */
function countRuns(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const req = indexedDB.open('wa-pricing-sandbox');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const db = req.result;
					if (!db.objectStoreNames.contains('runs')) {
						db.close();
						resolve(0);
						return;
					}
					const c = db.transaction('runs', 'readonly').objectStore('runs').count();
					c.onsuccess = () => {
						db.close();
						resolve(c.result);
					};
					c.onerror = () => reject(c.error);
				};
			})
	);
}

test.describe('a full disk', () => {
	test('an import the estimate says cannot fit is refused in words, writes nothing, and the list still shows', async ({
		page
	}) => {
		// The browser says 200 KB are left; the file holds about 1.6 MB of text.
		await page.addInitScript(() => {
			navigator.storage.estimate = () => Promise.resolve({ usage: 1024 ** 3 - 200 * 1024, quota: 1024 ** 3 });
		});
		await page.goto('./runs');
		await expect(page.getByTestId('runs-empty')).toBeVisible();
		await page.getByTestId('import-file').setInputFiles(runsFile(60, 60));
		const report = page.getByTestId('import-report');
		await expect(report).toContainText("Nothing was imported: the browser's storage for this site is full");
		await expect(report).toContainText('export the runs you want to keep, delete runs you no longer need');
		// Said once, not twice (the report, and no banner repeating it).
		await expect(page.getByText(/storage for this site is full/)).toHaveCount(1);
		expect(await countRuns(page)).toBe(0);
		await expect(page.getByTestId('runs-empty')).toBeVisible();
		await shot(page, 'quota-refused');
	});

	test('a quota set through the DevTools protocol: "storage is full", never a raw BulkError, all or nothing', async ({
		baseURL
	}, info) => {
		// A profile on disk: an off-the-record context keeps IndexedDB in memory, outside the quota.
		const dir = mkdtempSync(join(tmpdir(), 'wa-quota-'));
		const context = await chromium.launchPersistentContext(dir, {
			...info.project.use.launchOptions,
			baseURL,
			timezoneId: 'Asia/Jakarta'
		});
		try {
			const page = await context.newPage();
			await page.goto('./runs');
			await expect(page.getByTestId('runs-empty')).toBeVisible();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Storage.overrideQuotaForOrigin', {
				origin: new URL(page.url()).origin,
				quotaSize: 256 * 1024
			});
			await page.getByTestId('import-file').setInputFiles(runsFile(60, 60));
			const report = page.getByTestId('import-report');
			await expect(report).toContainText("Nothing was imported: the browser's storage for this site is full");
			await expect(report).not.toContainText(/BulkError|AbortError|QuotaExceeded/);
			await expect(page.getByText(/storage for this site is full/)).toHaveCount(1);
			expect(await countRuns(page)).toBe(0);
			// The page is not left loading: the (empty) list shows, and a reload lists it again.
			await expect(page.getByTestId('runs-empty')).toBeVisible();
			await shot(page, 'quota-abort');
			await page.reload();
			await expect(page.getByTestId('runs-empty')).toBeVisible();
			// With the quota lifted the same file imports whole.
			await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin });
			await page.getByTestId('import-file').setInputFiles(runsFile(60, 60));
			await expect(page.getByTestId('import-report')).toContainText('Imported 60 runs.');
			expect(await countRuns(page)).toBe(60);
		} finally {
			await context.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('the first saved run asks the browser to keep the site data', async ({ page }) => {
		await page.addInitScript(() => {
			const w = window as unknown as { persistCalls: number };
			w.persistCalls = 0;
			navigator.storage.persist = () => {
				w.persistCalls++;
				return Promise.resolve(true);
			};
			navigator.storage.persisted = () => Promise.resolve(false);
		});
		await page.goto('./sandbox?usecase=multiple-conversations');
		await page.getByTestId('save-run').click();
		await expect(page).toHaveURL(/\?run=/);
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls))
			.toBe(1);
	});
});

test.describe('storage that throws on access', () => {
	test.beforeEach(async ({ page }) => {
		await page.addInitScript(() => {
			Object.defineProperty(window, 'indexedDB', {
				configurable: true,
				get() {
					throw new DOMException('The operation is insecure.', 'SecurityError');
				}
			});
		});
	});

	test('the sandbox does not offer Save as if it worked', async ({ page }) => {
		await page.goto('./sandbox?usecase=multiple-conversations');
		await expect(page.getByTestId('save-state')).toContainText(/off|not be saved|cannot/i);
		await expect(page.getByTestId('save-state')).not.toHaveText('Not saved yet');
		await expect(page.getByTestId('save-run')).toBeDisabled();
		await shot(page, 'security-sandbox');
	});

	test('/runs says one consistent thing', async ({ page }) => {
		await page.goto('./runs');
		await expect(page.getByTestId('saving-off')).toContainText('refused to open storage');
		await expect(page.getByTestId('runs-unavailable')).toBeVisible();
		await expect(page.getByText(/0 saved runs/)).toHaveCount(0);
		await expect(page.getByText(/could not be listed/)).toHaveCount(0);
		await expect(page.getByText('Loading…')).toHaveCount(0);
		await shot(page, 'security-runs');
	});
});

test.describe('a library of 10,000 runs', () => {
	test.setTimeout(240_000);

	test('imports in steps with a progress bar, then lists only the rows on screen', async ({ page }) => {
		await page.goto('./runs');
		await expect(page.getByTestId('runs-empty')).toBeVisible();
		// Record every value the progress bar shows while the import runs.
		await page.evaluate(() => {
			const w = window as unknown as { progressSeen: string[] };
			w.progressSeen = [];
			new MutationObserver(() => {
				const bar = document.querySelector('#import-progress-bar');
				const v = bar?.getAttribute('value');
				const label = document.querySelector('[data-testid="import-progress"] label')?.textContent ?? '';
				if (v) w.progressSeen.push(`${label.trim().split(' ')[0]}:${v}`);
			}).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
		});
		await page.getByTestId('import-file').setInputFiles(runsFile(10_000, 1));
		await expect(page.getByTestId('import-progress')).toBeVisible();
		await expect(page.getByTestId('import-report')).toContainText('Imported 10000 runs.', {
			timeout: 180_000
		});
		const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
		// The bar moved through intermediate values in both phases: the work was done in steps.
		const checking = new Set(seen.filter((s) => s.startsWith('Checking')));
		const saving = new Set(seen.filter((s) => s.startsWith('Saving')));
		expect(checking.size).toBeGreaterThan(10);
		expect(saving.size).toBeGreaterThan(5);
		await shot(page, 'ten-thousand-imported');

		await expect(page.getByText('10000 saved runs')).toBeVisible();
		const rows = page.getByTestId('run-row');
		const drawn = await rows.count();
		expect(drawn).toBeGreaterThan(5);
		expect(drawn).toBeLessThan(200);
		expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(5000);

		// Scrolling to the bottom draws the last runs (sorted by name: the last one is Run 09999).
		await page.getByTestId('runs-sort').selectOption('name');
		await expect(rows.first()).toContainText('Run 00000');
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await expect(page.getByTestId('run-row').filter({ hasText: 'Run 09999' })).toBeVisible();
		expect(await rows.count()).toBeLessThan(200);
		await shot(page, 'ten-thousand-bottom');
	});
});
