/**
 * Steps the training e2e tests share: give a name, take a lesson or a quiz by clicking through it,
 * count records in the real IndexedDB, watch for console errors, check for sideways scrolling.
 */
import { expect, type Page } from '@playwright/test';

export const LESSON_IDS = [
	'service-conversation',
	'click-to-whatsapp',
	'business-initiated',
	'same-category',
	'multiple-conversations'
];

export const DAY_1 = new Date('2026-03-02T09:00:00+07:00');
export const shot = (page: Page, name: string) =>
	page.screenshot({ path: `test-results/artifacts/training-${name}.png`, fullPage: true });

/** Console errors and uncaught exceptions of the page, checked at the end of each test. */
export function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
	return errors;
}

export { noSideways } from './layout';

/** Records in a store of the app's database, read with the raw IndexedDB API in the page. */
export function countRecords(page: Page, store: string): Promise<number> {
	return page.evaluate(
		(name) =>
			new Promise<number>((resolve, reject) => {
				const req = indexedDB.open('wa-pricing-sandbox');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const db = req.result;
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

export async function startAs(page: Page, name: string) {
	await page.goto('./train');
	await page.getByTestId('learner-name').fill(name);
	await page.getByTestId('learner-save').click();
	await expect(page.getByTestId('learner-current')).toHaveText(name);
}

export async function takeLesson(page: Page, id: string) {
	await page.goto(`./train/lessons/${id}`);
	for (let step = 0; step < 10; step++) {
		const questions = page.getByTestId('prediction');
		await expect(questions.first()).toBeVisible();
		for (let i = 0; i < (await questions.count()); i++)
			await questions.nth(i).getByRole('radio').first().check();
		await page.getByTestId('lesson-check').click();
		await expect(page.getByTestId('step-answer')).toBeVisible();
		await expect(page.getByTestId('feedback').first()).toBeVisible();
		const next = page.getByTestId('lesson-next');
		const last = (await next.textContent())?.includes('Finish');
		await next.click();
		if (last) break;
	}
	await expect(page.getByTestId('lesson-finished')).toBeVisible();
	await expect(page.getByTestId('lesson-score')).toHaveText(/^\d+ of \d+ predictions right$/);
}

export async function takeQuiz(page: Page, seed: number) {
	await page.goto(`./train/quiz?seed=${seed}`);
	await page.getByTestId('quiz-start').click();
	for (let i = 0; i < 10; i++) {
		await expect(page.getByTestId('quiz-progress')).toHaveText(`Question ${i + 1} of 10`);
		await page.getByTestId('quiz-question').getByRole('radio').first().check();
		await page.getByTestId('quiz-submit').click();
		await expect(page.getByTestId('feedback')).toBeVisible();
		await page.getByTestId('quiz-next').click();
	}
	await expect(page.getByTestId('quiz-score')).toHaveText(/^\d+ \/ 10$/);
}
