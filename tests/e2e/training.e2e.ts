/**
 * Training in a real browser (Chromium, real IndexedDB), against the built site: a newcomer gives
 * their name, takes the five lessons, an inbox exercise and a 10-question quiz, and comes back the
 * next day to their progress. The inbox refuses free-form outside the window (131047) and offers a
 * template; the broadcast-template button follows the window and the agent setting; the quiz works
 * with the keyboard alone; the exam ends when time is up; a bad progress file is refused.
 */
import { expect, test } from '../helpers/test';
import {
	countRecords,
	DAY_1,
	LESSON_IDS,
	noSideways,
	shot,
	startAs,
	takeLesson,
	takeQuiz,
	watchErrors
} from '../helpers/training-page';

test.use({ timezoneId: 'Asia/Jakarta' });

test('a newcomer takes the lessons, an inbox exercise and a quiz, and finds their progress the next day', async ({
	page
}) => {
	test.setTimeout(180_000);
	const errors = watchErrors(page);
	await page.clock.setFixedTime(DAY_1);
	await startAs(page, 'Ana');
	await expect(page.getByTestId('lesson-card')).toHaveCount(5);
	await shot(page, 'overview');

	for (const id of LESSON_IDS) await takeLesson(page, id);
	// The lesson's text is the engine's: use case 1's last step is refused with 131047.
	await page.goto('./train/lessons/service-conversation');
	await expect(page.getByTestId('step-title')).toHaveText('Step 1 of 5: The customer writes');

	await page.goto('./train/inbox?exercise=reply-in-time');
	await expect(page.getByTestId('verdict')).toHaveAttribute('data-state', 'pending');
	await page.getByTestId('composer-text').fill('Of course — what is the new address?');
	await page.getByTestId('composer-send').click();
	await expect(page.getByTestId('verdict')).toHaveAttribute('data-state', 'passed');
	await expect(page.getByTestId('live-reason')).toContainText('Charged 0.0190 USD');
	await shot(page, 'inbox-exercise');

	await takeQuiz(page, 42);
	await shot(page, 'quiz-results');

	// The next day: a new visit finds the learner, the finished lessons, and topics due for review.
	await page.clock.setFixedTime(new Date(DAY_1.getTime() + 24 * 3600_000));
	await page.goto('./train');
	await expect(page.getByTestId('learner-current')).toHaveText('Ana');
	await expect(page.getByTestId('lesson-done')).toHaveCount(5);
	await expect(page.getByTestId('due-banner')).toBeVisible();
	await page.goto('./train/progress');
	await expect(page.getByTestId('mastery-row')).toHaveCount(6);
	const answered = page.getByTestId('mastery-row').filter({ hasNotText: 'not met yet' });
	expect(await answered.count()).toBeGreaterThanOrEqual(4);
	await expect(page.getByTestId('history-chart').locator('circle')).toHaveCount(5 + 1 + 1);
	await expect(page.getByTestId('trained-on')).toContainText('Conversation-based, 4 categories (June 2023)');
	await expect(page.getByTestId('trained-on')).toContainText('2023-06-01-USD');
	await shot(page, 'progress');
	// A review of the due topics is drawn from those topics.
	await page.getByTestId('due-topics').getByRole('link', { name: 'Review now' }).click();
	await expect(page.getByTestId('mode-review')).toBeChecked();
	expect(errors).toEqual([]);
});

test('the inbox refuses free-form outside the window and offers a template; the broadcast button follows the setting', async ({
	page
}) => {
	const errors = watchErrors(page);
	await page.goto('./train/inbox');
	await expect(page.getByTestId('csw-ring')).toHaveAttribute('data-state', 'closed');
	await expect(page.getByTestId('template-button')).toBeVisible();
	await expect(page.getByTestId('broadcast-button')).toBeHidden();
	// Nobody has written: free-form is refused as the API refuses it.
	await page.getByTestId('composer-text').fill('Hello!');
	await page.getByTestId('composer-send').click();
	await expect(page.getByTestId('refusal')).toContainText('131047');
	await expect(page.getByTestId('chat-message').last()).toHaveAttribute('data-outcome', 'blocked');
	await page.getByTestId('offer-template').click();
	await page.getByTestId('template-send').click();
	await expect(page.getByTestId('template-picker')).toContainText('Choose a category first.');
	await page.getByTestId('category-utility').check();
	await page.getByTestId('template-order_update').check();
	await page.getByTestId('template-send').click();
	await expect(page.getByTestId('live-price')).toContainText('Charged');
	await expect(page.getByTestId('live-charge')).toHaveText('0.0200 USD');
	await expect(page.getByTestId('active-session')).toHaveCount(1);

	// The customer writes (step to it): the window opens; the broadcast button shows with the setting.
	await page.getByTestId('sim-step').click();
	await expect(page.getByTestId('chat-message')).toHaveCount(3);
	await expect(page.getByTestId('csw-ring')).toHaveAttribute('data-state', 'open');
	await expect(page.getByTestId('template-button')).toBeHidden();
	await expect(page.getByTestId('broadcast-button')).toBeVisible();
	await page.getByTestId('broadcast-setting').uncheck();
	await expect(page.getByTestId('broadcast-button')).toBeHidden();
	await page.getByTestId('broadcast-setting').check();
	await expect(page.getByTestId('broadcast-button')).toBeVisible();
	await page.getByTestId('composer-text').fill('It ships today.');
	await page.getByTestId('composer-send').click();
	// Under June 2023 rules it rides on the utility conversation the template opened.
	await expect(page.getByTestId('live-reason')).toContainText(
		'No extra charge: rides on the open utility conversation'
	);
	await expect(page.getByTestId('refusal')).toBeHidden();
	// An empty message is refused by the form, nothing sent.
	await page.getByTestId('composer-send').click();
	await expect(page.getByText('Type a message to send.')).toBeVisible();
	await expect(page.getByTestId('chat-message')).toHaveCount(4);
	await shot(page, 'inbox-free-play');
	// Running the clock at 3600×: time moves.
	const before = await page.getByTestId('sim-time').textContent();
	await page.getByTestId('speed-3600').click();
	await page.getByTestId('sim-play').click();
	await expect(page.getByTestId('sim-time')).not.toHaveText(before!);
	await page.getByTestId('sim-play').click();
	expect(errors).toEqual([]);
});

test('the click-to-WhatsApp exercise: the free entry point ring and the engine-graded question', async ({
	page
}) => {
	const errors = watchErrors(page);
	await page.goto('./train/inbox?exercise=ctwa-lead');
	await expect(page.getByTestId('fep-ring')).toBeHidden();
	await page.getByTestId('composer-text').fill('Hi! Which size?');
	await page.getByTestId('composer-send').click();
	await expect(page.getByTestId('fep-ring')).toHaveAttribute('data-state', 'open');
	await expect(page.getByTestId('active-session')).toHaveCount(2);
	await page.getByTestId('exercise-answer').click();
	await expect(page.getByText('Choose an answer first.')).toBeVisible();
	await page
		.getByTestId('exercise')
		.getByRole('radio', { name: /^Any message, templates included, free until Fri/ })
		.check();
	await page.getByTestId('exercise-answer').click();
	await expect(page.getByTestId('verdict')).toHaveAttribute('data-state', 'passed');
	expect(errors).toEqual([]);
});

test('a quiz with the keyboard alone', async ({ page }) => {
	const errors = watchErrors(page);
	await page.goto('./train/quiz?seed=7');
	await page.getByTestId('mode-practice').focus();
	await page.keyboard.press('Tab'); // the first level
	await page.getByTestId('quiz-start').focus();
	await page.keyboard.press('Enter');
	await page.getByTestId('quiz-question').getByRole('radio').first().focus();
	for (let i = 0; i < 3; i++) {
		if (i > 0) {
			await expect(page.getByTestId('quiz-progress')).toBeFocused();
			await page.keyboard.press('Tab'); // into the radio group
		}
		await page.keyboard.press('ArrowDown'); // moves and selects
		await page.keyboard.press('Tab'); // to Check
		await expect(page.getByTestId('quiz-submit')).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toBeVisible();
		await expect(page.getByTestId('quiz-next')).toBeFocused();
		await page.keyboard.press('Enter');
	}
	await expect(page.getByTestId('quiz-progress')).toHaveText('Question 4 of 10');
	expect(errors).toEqual([]);
});

test('a lesson with the keyboard alone', async ({ page }) => {
	const errors = watchErrors(page);
	await page.goto('./train/lessons/multiple-conversations');
	for (let step = 0; step < 2; step++) {
		await expect(page.getByTestId('prediction').first()).toBeVisible();
		const n = await page.getByTestId('prediction').count();
		for (let q = 0; q < n; q++) {
			await page.getByTestId('prediction').nth(q).getByRole('radio').first().focus();
			await page.keyboard.press('Space');
		}
		await page.keyboard.press('Tab');
		await expect(page.getByTestId('lesson-check')).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('lesson-next')).toBeFocused();
		await expect(page.getByTestId('step-caption')).toBeVisible();
		await page.keyboard.press('Enter');
	}
	await expect(page.getByTestId('lesson-finished')).toBeVisible();
	expect(errors).toEqual([]);
});

test('the exam ends when time is up; unanswered questions count as missed', async ({ page }) => {
	const errors = watchErrors(page);
	await page.clock.install({ time: DAY_1 });
	await page.goto('./train/quiz?seed=9');
	await page.getByTestId('mode-exam').check();
	await page.getByTestId('quiz-start').click();
	await expect(page.getByTestId('exam-timer')).toHaveText('10 min left');
	await page.getByTestId('quiz-question').getByRole('radio').first().check();
	await page.getByTestId('quiz-submit').click();
	await expect(page.getByTestId('quiz-progress')).toHaveText('Question 2 of 10');
	await page.clock.fastForward('10:05');
	await expect(page.getByTestId('quiz-results')).toBeVisible();
	await expect(page.getByTestId('quiz-result').filter({ hasText: 'none (time ran out)' })).toHaveCount(9);
	expect(errors).toEqual([]);
});

test('progress export and import; a bad file is refused and nothing is saved', async ({ page }) => {
	const errors = watchErrors(page);
	await startAs(page, 'Bo');
	await takeLesson(page, 'business-initiated');
	await page.goto('./train/progress');
	const download = page.waitForEvent('download');
	await page.getByTestId('progress-export').click();
	const file = await (await download).path();
	const { readFile } = await import('node:fs/promises');
	const exported = JSON.parse(await readFile(file, 'utf8')) as {
		learner: { name: string };
		answers: unknown[];
	};
	expect(exported.learner.name).toBe('Bo');
	const answers = exported.answers.length;
	expect(answers).toBeGreaterThan(0);

	await page.getByTestId('progress-import').setInputFiles({
		name: 'bad.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ ...exported, answers: [{ nope: 1 }] }))
	});
	await expect(page.getByTestId('import-message')).toHaveText(
		/^Not imported: answers\.0\..*Nothing was saved\.$/
	);
	expect(await countRecords(page, 'trainingAnswers')).toBe(answers);
	expect(await countRecords(page, 'trainingSessions')).toBe(1);
	await page.getByTestId('progress-import').setInputFiles({
		name: 'progress.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ ...exported, learner: { ...exported.learner } }))
	});
	await expect(page.getByTestId('import-message')).toHaveText(
		`Imported ${answers} answers and 1 session of Bo.`
	);
	expect(errors).toEqual([]);
});

test('every training page fits a phone, in the dark too, without console errors', async ({ page }) => {
	const errors = watchErrors(page);
	await startAs(page, 'Cy');
	await takeLesson(page, 'same-category');
	for (const [w, scheme] of [
		[390, 'dark'],
		[1280, 'dark'],
		[390, 'light']
	] as const) {
		await page.setViewportSize({ width: w, height: 860 });
		await page.emulateMedia({ colorScheme: scheme });
		for (const path of [
			'train',
			'train/lessons/click-to-whatsapp?regime=pmp-2026-10',
			'train/inbox?exercise=order-update',
			'train/quiz',
			'train/progress'
		]) {
			await page.goto(`./${path}`);
			await expect(page.getByTestId('learner-current')).toHaveText('Cy');
			if (path.startsWith('train/lessons')) {
				await page.getByTestId('prediction').first().getByRole('radio').first().check();
			}
			await noSideways(page);
			await shot(page, `${path.replace(/\W+/g, '-')}-${w}-${scheme}`);
		}
	}
	expect(errors).toEqual([]);
});
