/**
 * The playhead follows the work (issue 14 point 4): after an event is added far from the blank
 * scenario's start, the playhead sits on it and the live panel shows its charge.
 */
import { expect, test } from '../helpers/test';

test.use({ timezoneId: 'Asia/Jakarta' });

test('an event added in December 2026 brings the playhead and the live panel with it', async ({ page }) => {
	await page.goto('./sandbox?new=1');
	await page.getByTestId('market-country').selectOption('ID');
	await page.getByTestId('add-kind').selectOption('template');
	await page.getByTestId('add-category').selectOption('marketing');
	await page.getByTestId('add-time').fill('2026-12-03T10:00');
	await page.getByTestId('add-event-submit').click();
	await expect(page.getByTestId('playhead-time')).toContainText('3 Dec 2026 10:00');
	// 2026-10-01-USD.csv: Indonesia marketing 0.0411.
	await expect(page.getByTestId('total')).toHaveText('0.0411 USD');
});
