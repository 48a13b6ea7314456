/**
 * Nothing a person makes is lost (issue 13, points 1–3): two tabs on one run, a draft per source
 * and per tab, and a reload inside the autosave delay.
 */
import { expect, test, type Page } from '../helpers/test';
import { lzBomb } from '../helpers/lz-bomb';

test.use({ timezoneId: 'Asia/Jakarta' });

const indicator = (page: Page) => page.getByTestId('save-state');

async function saveUseCaseRun(page: Page): Promise<string> {
	await page.goto('./sandbox?usecase=multiple-conversations');
	await page.getByTestId('save-run').click();
	await expect(page).toHaveURL(/\?run=/);
	return new URL(page.url()).searchParams.get('run')!;
}

test('two tabs, one run: the second save is not silent; "keep both" saves a copy', async ({ context }) => {
	const a = await context.newPage();
	const id = await saveUseCaseRun(a);
	const b = await context.newPage();
	await b.goto(`./sandbox?run=${id}`);
	await expect(b.getByTestId('regime-select')).toBeVisible();

	// Tab A changes the regime and saves: tab B hears of it before saving anything.
	await a.getByTestId('regime-select').selectOption('pmp-2026-10');
	await a.getByTestId('save-run').click();
	await expect(b.getByTestId('run-conflict')).toContainText('changed in another tab');

	// Tab B edits and saves anyway: refused, then kept as a copy.
	await b.getByTestId('regime-select').selectOption('cbp-2024-11');
	await b.getByTestId('save-run').click();
	await expect(b.getByTestId('run-conflict')).toBeVisible();
	await b.getByTestId('conflict-copy').click();
	await expect(b.getByTestId('run-conflict')).toHaveCount(0);
	await expect(b).not.toHaveURL(new RegExp(`run=${id}`));

	// A's change is still the run's.
	const c = await context.newPage();
	await c.goto(`./sandbox?run=${id}`);
	await expect(c.getByTestId('regime-select')).toHaveValue('pmp-2026-10');
});

test('a draft per source and per tab: editing a use case does not replace a blank draft', async ({
	context
}) => {
	const a = await context.newPage();
	await a.goto('./sandbox?new=1');
	await a.getByTestId('regime-select').selectOption('pmp-2025-07');
	const b = await context.newPage();
	await b.goto('./sandbox?usecase=multiple-conversations');
	await b.getByTestId('regime-select').selectOption('pmp-2026-10');
	await a.waitForTimeout(600);
	await b.waitForTimeout(600);
	await a.reload();
	await expect(a.getByTestId('regime-select')).toHaveValue('pmp-2025-07');
	await b.reload();
	await expect(b.getByTestId('regime-select')).toHaveValue('pmp-2026-10');
});

test('a reload right after an edit keeps the edit', async ({ page }) => {
	for (const delay of [0, 100, 250]) {
		await page.goto('./sandbox?usecase=click-to-whatsapp');
		const regime = delay === 100 ? 'cbp-2024-11' : delay === 250 ? 'pmp-2026-10' : 'pmp-2025-07';
		await page.getByTestId('regime-select').selectOption(regime);
		await page.waitForTimeout(delay);
		await page.reload();
		await expect(page.getByTestId('regime-select')).toHaveValue(regime);
		await expect(indicator(page)).toContainText(/Unsaved|Not saved/);
	}
});

test('a share-link bomb is refused with a notice; the draft opens instead', async ({ page }) => {
	await page.goto('./sandbox?new=1');
	await page.getByTestId('regime-select').selectOption('pmp-2025-07');
	await page.waitForTimeout(500);
	await page.goto(`./sandbox#s1=${lzBomb(70_000)}`);
	await expect(
		page.getByText(/This share link could not be opened: the scenario in the link is too large/)
	).toBeVisible();
	await expect(page.getByTestId('regime-select')).toHaveValue('pmp-2025-07');
});
