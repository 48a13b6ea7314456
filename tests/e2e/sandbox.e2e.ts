import { expect, test, type Page } from '../helpers/test';

// Blank scenarios take the browser's zone; the documented use cases are in Asia/Jakarta too.
test.use({ timezoneId: 'Asia/Jakarta' });

const at = (iso: string) => Date.parse(iso);
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/artifacts/${name}.png` });
const playhead = (page: Page) => page.getByRole('slider', { name: 'Playhead' });
const playheadValue = async (page: Page) => Number(await playhead(page).getAttribute('aria-valuenow'));

/** A bounding box once the layout has settled (the timeline re-lays out after measuring its width). */
async function settledBox(page: Page, locator: ReturnType<Page['locator']>) {
	let prev = await locator.boundingBox();
	for (let i = 0; i < 20; i++) {
		await page.waitForTimeout(100);
		const next = await locator.boundingBox();
		if (prev && next && prev.x === next.x && prev.y === next.y && prev.width === next.width) return next;
		prev = next;
	}
	return prev!;
}

async function openUseCase(page: Page, id: string) {
	await page.goto(`./sandbox?usecase=${id}`);
	await expect(playhead(page)).toBeVisible();
}

test.describe('use case 5: two conversations side by side', () => {
	test('dragging the playhead past 12:05 shows two open conversations and 0.0711 USD', async ({ page }) => {
		await openUseCase(page, 'multiple-conversations');
		await expect(page.getByTestId('active-session')).toHaveCount(1);
		await expect(page.getByTestId('total')).toHaveText('0.0411 USD');

		const box = await settledBox(page, playhead(page));
		const timeline = await settledBox(page, page.locator('.wa-timeline'));
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.down();
		// Into the middle of the plot: the evening of 12 Sep, both conversations still open.
		for (let i = 1; i <= 10; i++)
			await page.mouse.move(
				box.x + box.width / 2 + ((timeline.x + timeline.width * 0.55 - box.x) * i) / 10,
				box.y + box.height / 2
			);
		await page.mouse.up();

		const t = await playheadValue(page);
		expect(t).toBeGreaterThan(at('2023-09-12T12:05:00+07:00'));
		expect(t).toBeLessThan(at('2023-09-13T12:00:00+07:00'));
		await expect(page.getByTestId('active-session')).toHaveCount(2);
		await expect(page.getByTestId('active-sessions')).toContainText('Marketing conversation');
		await expect(page.getByTestId('active-sessions')).toContainText('Authentication conversation');
		await expect(page.getByTestId('total')).toHaveText('0.0711 USD');
		await expect(page.getByTestId('free-form')).toContainText('No');
		await shot(page, 'uc5-dragged');
	});

	test('moving the playhead by keyboard past 12:05 gives the same answer', async ({ page }) => {
		await openUseCase(page, 'multiple-conversations');
		await playhead(page).focus();
		await page.keyboard.press('Shift+ArrowRight'); // one hour: 13:00
		expect(await playheadValue(page)).toBe(at('2023-09-12T13:00:00+07:00'));
		await expect(page.getByTestId('active-session')).toHaveCount(2);
		await expect(page.getByTestId('total')).toHaveText('0.0711 USD');
		await expect(page.getByTestId('active-session').first()).toContainText('23 h left');
		// The caption of the latest moment is shown.
		await expect(page.getByTestId('caption')).toContainText('authentication template at 12:05');
		await shot(page, 'uc5-keyboard');
	});

	test('the regime switcher re-prices live and the compare view shows every regime', async ({ page }) => {
		await openUseCase(page, 'multiple-conversations');
		await playhead(page).focus();
		await page.keyboard.press('End');
		await expect(page.getByTestId('total')).toHaveText('0.0711 USD');
		await page.getByTestId('regime-select').selectOption('pmp-2025-07');
		await expect(page.getByTestId('regime-used')).toContainText('Per-message (July 2025)');
		await expect(page.getByTestId('total')).not.toHaveText('0.0711 USD');
		await page.getByTestId('undo').click();
		await expect(page.getByTestId('total')).toHaveText('0.0711 USD');

		await page.getByTestId('tab-compare').click();
		await expect(page.getByTestId('compare-total-cbp-2023-06')).toHaveText('0.0711 USD');
		for (const id of ['cbp-2024-11', 'pmp-2025-07', 'pmp-2026-10'])
			await expect(page.getByTestId(`compare-total-${id}`)).toContainText('USD');
		await shot(page, 'uc5-compare');
	});
});

test('use case 1: free-form turns to No once the window has closed', async ({ page }) => {
	await openUseCase(page, 'service-conversation');
	await expect(page.getByTestId('free-form')).toContainText('Yes');
	// Step moment by moment with "." (events and captions): 10:00, 12:00, 10:00 next day (a caption),
	// 11:00 (still open), 12:00 (a caption: the window closes), then 13:00 (closed).
	for (let i = 0; i < 4; i++) await page.keyboard.press('.');
	expect(await playheadValue(page)).toBe(at('2023-09-13T11:00:00+07:00'));
	await expect(page.getByTestId('free-form')).toContainText('Yes');
	await expect(page.getByTestId('free-form')).toContainText('Until Wed 13 Sep 2023 12:00');
	await page.keyboard.press('.');
	await page.keyboard.press('.');
	expect(await playheadValue(page)).toBe(at('2023-09-13T13:00:00+07:00'));
	await expect(page.getByTestId('free-form')).toContainText('No');
	await expect(page.getByTestId('free-form')).toContainText('closed at Wed 13 Sep 2023 12:00');
	const blocked = page.locator('[data-testid="message-row"][data-outcome="blocked"]');
	await expect(blocked).toContainText('Blocked');
	await expect(blocked).toContainText('131047');
	await shot(page, 'uc1-window-closed');
	// And back with "," past the 12:00 caption to the 11:00 reply.
	await page.keyboard.press(',');
	await page.keyboard.press(',');
	await expect(page.getByTestId('free-form')).toContainText('Yes');
});

test('a custom scenario of four events: the ledger follows every edit', async ({ page }) => {
	await page.goto('./sandbox?new=1');
	await expect(page.getByTestId('empty-scenario')).toBeVisible();
	await page.getByTestId('market-country').selectOption('ID');

	const add = async (kind: string, when: string, category?: string) => {
		await page.getByTestId('add-kind').selectOption(kind);
		if (category) await page.getByTestId('add-category').selectOption(category);
		await page.getByTestId('add-time').fill(when);
		await page.getByTestId('add-event-submit').click();
	};
	await add('customer_message', '2023-09-12T09:00');
	await expect(page.getByTestId('message-row')).toHaveCount(1);
	await add('business_message', '2023-09-12T10:00');
	await add('template', '2023-09-12T11:00', 'marketing');
	// Outside the customer service window: added, and shown as blocked with its reason.
	await add('business_message', '2023-09-14T10:00');

	const rows = page.getByTestId('message-row');
	await expect(rows).toHaveCount(4);
	await expect(rows.nth(0)).toHaveAttribute('data-outcome', 'received');
	await expect(rows.nth(1)).toHaveAttribute('data-outcome', 'free');
	await expect(rows.nth(2)).toHaveAttribute('data-outcome', 'charged');
	await expect(rows.nth(2)).toContainText('0.0411 USD');
	await expect(rows.nth(3)).toHaveAttribute('data-outcome', 'blocked');
	await expect(rows.nth(3)).toContainText('free-form messages need an open customer service window');

	// Clicking a message moves the playhead to it.
	await rows.nth(2).getByRole('button').click();
	expect(await playheadValue(page)).toBe(at('2023-09-12T11:00:00+07:00'));
	await expect(page.getByTestId('total')).toHaveText('0.0411 USD');
	await expect(page.getByTestId('edit-event')).toContainText('Charged');

	// Edit the selected template into a utility one: re-priced at once.
	await page.getByTestId('edit-category').selectOption('utility');
	await page.getByTestId('edit-event-save').click();
	await expect(page.getByTestId('total')).toHaveText('0.0200 USD');
	await page.keyboard.press('Control+z');
	await expect(page.getByTestId('total')).toHaveText('0.0411 USD');
	await page.keyboard.press('Control+Shift+z');
	await expect(page.getByTestId('total')).toHaveText('0.0200 USD');

	// A bad phone number shows an error and keeps what was typed; the scenario keeps its market.
	await page.getByTestId('scenario-settings').locator('input[value="number"]').check();
	await page.getByTestId('market-number').fill('62 812');
	await expect(page.getByTestId('scenario-settings').getByRole('alert')).toContainText(
		'Start the number with +'
	);
	await expect(page.getByTestId('market-number')).toHaveValue('62 812');
	await expect(page.getByTestId('total')).toHaveText('0.0200 USD');
	await shot(page, 'custom-settings-error');
	await page.evaluate(() => window.scrollTo(0, 0));
	await shot(page, 'custom-four-events');
});

test('presentation mode toggles with the button, "p" and Escape, and steps with the arrows', async ({
	page
}) => {
	await openUseCase(page, 'service-conversation');
	await page.getByTestId('presentation-toggle').click();
	const view = page.getByTestId('presentation');
	await expect(view).toBeVisible();
	await expect(page.getByTestId('add-event')).toHaveCount(0);
	await expect(view.getByTestId('total')).toBeVisible();
	await page.keyboard.press('ArrowRight');
	expect(await playheadValue(page)).toBe(at('2023-09-12T10:00:00+07:00'));
	await page.keyboard.press('Space');
	expect(await playheadValue(page)).toBe(at('2023-09-12T12:00:00+07:00'));
	await expect(view.getByTestId('total')).toHaveText('0.0190 USD');
	await shot(page, 'presentation');
	await page.keyboard.press('Escape');
	await expect(view).toHaveCount(0);
	await expect(page.getByTestId('add-event')).toBeVisible();
	await page.keyboard.press('p');
	await expect(page.getByTestId('presentation')).toBeVisible();
	await page.getByTestId('presentation-toggle').click();
	await expect(page.getByTestId('presentation')).toHaveCount(0);
});

test('play advances the playhead and stops at the end', async ({ page }) => {
	await openUseCase(page, 'multiple-conversations');
	await page.getByTestId('speed').selectOption({ label: '6 h/s' });
	const start = await playheadValue(page);
	await page.getByTestId('play').click();
	await expect(page.getByTestId('play')).toHaveText(/Pause/);
	await expect.poll(() => playheadValue(page)).toBeGreaterThan(start);
	await expect(page.getByTestId('play')).toHaveText(/Play/, { timeout: 15_000 });
	await expect(page.getByTestId('active-session')).toHaveCount(0);
});

test('dragging an event on the timeline moves it, re-prices, and undo puts it back', async ({ page }) => {
	await openUseCase(page, 'same-category');
	const rows = page.getByTestId('message-row');
	await expect(rows.nth(1)).toContainText('Tue 12 Sep 2023 18:00');
	const b = await settledBox(page, page.locator('.wa-timeline [data-i="1"]'));
	await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
	await page.mouse.down();
	for (let i = 1; i <= 10; i++) await page.mouse.move(b.x + b.width / 2 + 30 * i, b.y + b.height / 2);
	await page.mouse.up();
	await expect(rows.nth(1)).not.toContainText('Tue 12 Sep 2023 18:00');
	await expect(rows.nth(1)).toHaveAttribute('data-outcome', 'included');
	await expect(page.getByTestId('edit-event')).toBeVisible();
	await shot(page, 'uc4-event-dragged');
	await page.getByTestId('undo').click();
	await expect(rows.nth(1)).toContainText('Tue 12 Sep 2023 18:00');
});
