/**
 * A blank scenario starts today, in the person's zone and a market guessed from their language
 * (issue 14 point 4), not on 12 Sep 2023 in Indonesia.
 */
import { expect, test } from '../helpers/test';

for (const c of [
	{ timezoneId: 'America/Sao_Paulo', locale: 'pt-BR', market: 'BR' },
	{ timezoneId: 'Europe/Berlin', locale: 'de', market: 'DE' }
])
	test.describe(`${c.locale} in ${c.timezoneId}`, () => {
		test.use({ timezoneId: c.timezoneId, locale: c.locale });

		test('a blank scenario opens today, in that zone and market', async ({ page }) => {
			await page.goto('./sandbox?new=1');
			await expect(page.getByTestId('market-country')).toHaveValue(c.market);
			await expect(page.getByTestId('scenario-title').locator('xpath=..')).toContainText(c.timezoneId);
			// Today on the zone's wall clock, as the app writes dates ("Wed 2 Dec 2026 14:00").
			const today = await page.evaluate(
				(timeZone) =>
					new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' })
						.format(new Date())
						.replace('Sept', 'Sep'),
				c.timezoneId
			);
			const playhead = page.getByRole('slider', { name: 'Playhead' });
			await expect(playhead).toHaveAttribute(
				'aria-valuetext',
				new RegExp(`${today} \\d\\d:00, ${c.timezoneId}`)
			);
			// The add form follows the playhead: an event added now lands today.
			await expect(page.getByTestId('add-time')).toHaveValue(/^\d{4}-\d\d-\d\dT\d\d:00$/);
			const added = await page.getByTestId('add-time').inputValue();
			const localToday = await page.evaluate(
				(timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date()),
				c.timezoneId
			);
			expect(added.slice(0, 10)).toBe(localToday);
		});
	});
