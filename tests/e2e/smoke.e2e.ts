import { expect, test } from '../helpers/test';

test('the app loads and a use case can be chosen', async ({ page }) => {
	const external: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith('http://127.0.0.1')) external.push(r.url());
	});
	await page.goto('./');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Replay WhatsApp pricing');
	const cards = page.getByTestId('use-case-card');
	await expect(cards).toHaveCount(5);
	await expect(cards.nth(4).getByTestId('use-case-total')).toHaveText('0.0711 USD');
	await page.screenshot({ path: 'test-results/artifacts/smoke-start.png', fullPage: true });

	await cards.nth(4).click();
	await expect(page).toHaveURL(/\/sandbox\?usecase=multiple-conversations/);
	await expect(page.getByTestId('scenario-title')).toContainText('Use case 5');
	await expect(page.getByTestId('message-row')).toHaveCount(2);
	await page.screenshot({ path: 'test-results/artifacts/smoke-sandbox.png' });
	expect(external).toEqual([]);
});
