/**
 * Presentation and sharing (issue 14 point 7): presentation mode shows the regime comparison; a
 * share link carries the playhead, the view and presentation mode; bad view fields are refused
 * while the scenario still opens.
 */
import { expect, test, type Page } from '../helpers/test';

test.use({ timezoneId: 'Asia/Jakarta' });

const playhead = (page: Page) => page.getByRole('slider', { name: 'Playhead' });

test('presentation mode shows the regime comparison', async ({ page }) => {
	await page.goto('./sandbox?usecase=same-category');
	await expect(page.getByRole('slider', { name: 'Playhead' })).toBeVisible();
	await page.getByRole('button', { name: 'Presentation mode' }).click();
	await expect(page.getByTestId('presentation')).toBeVisible();
	await page.getByTestId('present-tab-compare').click();
	await expect(page.getByTestId('present-compare').getByTestId('regime-compare')).toBeVisible();
	// Leaving keeps the view: the workspace shows the comparison too.
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('tab-compare')).toHaveAttribute('aria-selected', 'true');
});

test('a share link opens at its playhead, in compare view and in presentation mode', async ({
	page,
	context
}) => {
	await page.goto('./sandbox?usecase=service-conversation');
	for (let i = 0; i < 3; i++) await page.getByTestId('step-next').click();
	const at = await playhead(page).getAttribute('aria-valuenow');
	await page.getByTestId('tab-compare').click();
	await page.getByTestId('share-link').click();
	await page.getByTestId('share-present').check();
	await expect(page.getByTestId('share-url')).toHaveValue(/&present=1$/);
	const url = await page.getByTestId('share-url').inputValue();
	expect(url).toContain(`&t=${at}&view=compare`);

	const other = await context.newPage();
	await other.goto(url);
	await expect(other.getByTestId('presentation')).toBeVisible();
	await expect(other.getByTestId('present-tab-compare')).toHaveAttribute('aria-selected', 'true');
	await expect(other.getByTestId('present-compare')).toBeVisible();
	await expect(playhead(other)).toHaveAttribute('aria-valuenow', at!);
});

test('a link with a malformed view field still opens its scenario, says why the view was ignored', async ({
	page,
	context
}) => {
	await page.goto('./sandbox?usecase=service-conversation');
	await page.getByTestId('share-link').click();
	const url = await page.getByTestId('share-url').inputValue();
	const plain = url.slice(0, url.indexOf('&'));
	const other = await context.newPage();
	await other.goto(`${plain}&view=edit`);
	await expect(other.getByTestId('scenario-title')).toContainText('Use case 1');
	await expect(
		other.getByText(/view \(playhead, view, presentation\) was ignored: "view" must be replay or compare/)
	).toBeVisible();
	await expect(other.getByTestId('tab-replay')).toHaveAttribute('aria-selected', 'true');
});

test.describe('at 390 px', () => {
	test.use({ viewport: { width: 390, height: 800 } });

	test('presentation mode with the comparison fits the screen', async ({ page }) => {
		await page.goto('./sandbox?usecase=service-conversation');
		await expect(page.getByRole('slider', { name: 'Playhead' })).toBeVisible();
		await page.getByRole('button', { name: 'Presentation mode' }).click();
		await page.getByTestId('present-tab-compare').click();
		await expect(page.getByTestId('present-compare')).toBeVisible();
		const presentation = page.getByTestId('presentation');
		await expect
			.poll(() => presentation.evaluate((el) => el.scrollWidth - el.clientWidth))
			.toBeLessThanOrEqual(0);
		await page.screenshot({ path: 'test-results/artifacts/presentation-compare-390.png' });
	});
});
