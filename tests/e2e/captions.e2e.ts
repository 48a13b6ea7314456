/**
 * Captions (issue 14 point 5): "Next event" reaches every caption and stops at the end; an edit that
 * changes a caption's moment flags that caption; a custom scenario's events carry captions of their
 * own, shown during the replay and carried in the share link.
 */
import { expect, test, type Page } from '../helpers/test';

test.use({ timezoneId: 'Asia/Jakarta' });

const step = (page: Page) => page.getByTestId('narration').locator('.step');

test('Next event reaches all 7 captions of use case 1, then is disabled', async ({ page }) => {
	await page.goto('./sandbox?usecase=service-conversation');
	await expect(step(page)).toHaveText('1/7');
	const seen = new Set<string>([await step(page).innerText()]);
	const next = page.getByTestId('step-next');
	for (let i = 0; i < 20 && (await next.isEnabled()); i++) {
		await next.click();
		seen.add(await step(page).innerText());
	}
	expect([...seen].sort()).toEqual(['1/7', '2/7', '3/7', '4/7', '5/7', '6/7', '7/7']);
	await expect(next).toBeDisabled();
	await expect(page.getByTestId('step-prev')).toBeEnabled();
	await expect(page.getByTestId('caption')).toContainText('blocked');
});

test('moving use case 1’s last reply inside the window flags the captions it made untrue', async ({
	page
}) => {
	await page.goto('./sandbox?usecase=service-conversation');
	await expect(page.getByTestId('narration-edited')).toHaveCount(0);
	// Select the last reply (13:00 on 13 Sep, blocked) and move it to 11:30.
	await page
		.locator('[data-testid="message-row"][data-outcome="blocked"]')
		.getByRole('button')
		.first()
		.click();
	await page.getByTestId('edit-time').fill('2023-09-13T11:30');
	await page.getByTestId('edit-event-save').click();
	await expect(page.locator('[data-testid="message-row"][data-outcome="blocked"]')).toHaveCount(0);
	await expect(page.getByTestId('narration-edited')).toContainText('Edited');
	// The last caption ("A free-form reply now is blocked") is flagged; the first still stands.
	await page.getByRole('button', { name: 'All captions' }).click();
	await page.getByTestId('narration').getByRole('listitem').last().getByRole('button').click();
	await expect(page.getByTestId('caption')).toContainText('blocked');
	await expect(page.getByTestId('caption-flag')).toContainText('Written for the original scenario');
	await page.getByTestId('narration').getByRole('listitem').first().getByRole('button').click();
	await expect(page.getByTestId('caption')).toContainText('The customer writes at 09:00');
	await expect(page.getByTestId('caption-flag')).toHaveCount(0);
});

test('a custom scenario’s event caption shows during the replay and travels in the share link', async ({
	page,
	context
}) => {
	await page.goto('./sandbox?new=1');
	await page.getByTestId('market-country').selectOption('ID');
	await page.getByTestId('add-kind').selectOption('template');
	await page.getByTestId('add-category').selectOption('marketing');
	await page.getByTestId('add-time').fill('2026-12-03T10:00');
	await page.getByTestId('add-caption').fill('Here the offer goes out: one marketing charge.');
	await page.getByTestId('add-event-submit').click();
	await expect(page.getByTestId('caption')).toHaveText('Here the offer goes out: one marketing charge.');
	await page.getByTestId('share-link').click();
	const url = await page.getByTestId('share-url').inputValue();
	const other = await context.newPage();
	await other.goto(url);
	await expect(other.getByTestId('caption')).toHaveText('Here the offer goes out: one marketing charge.');
	// And it can be changed in the event editor.
	await other.getByTestId('message-row').getByRole('button').first().click();
	await expect(other.getByTestId('edit-caption')).toHaveValue(
		'Here the offer goes out: one marketing charge.'
	);
});
