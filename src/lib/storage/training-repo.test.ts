/**
 * Training progress in a real (fake-indexeddb) database: the current learner survives a reopen (the
 * next day), sessions, answers and review cards are read back per learner, an import merges without
 * winding a review card back, and an import that fails half-way leaves nothing behind.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	dumpDatabase,
	freshStorage,
	teardownStorage,
	type FreshDb
} from '../../../tests/fixtures/storage/fresh-db';
import { SAMPLE_PROGRESS } from '../../../tests/fixtures/storage/training-progress';
import { closeStorage, configureStorage } from './availability';
import { openTrainingStore } from './training-open';
import type { AnswerRecord } from './training-records';

describe('training progress in IndexedDB', () => {
	let db: FreshDb;
	beforeEach(async () => {
		db = await freshStorage();
	});
	afterEach(async () => {
		await teardownStorage();
	});

	it('opens the IndexedDB store when storage works', async () => {
		const { store, offReason } = await openTrainingStore();
		expect(offReason).toBeNull();
		expect(store.persistent).toBe(true);
	});

	it('keeps the learner and their progress across a reopen', async () => {
		const { store } = await openTrainingStore();
		expect(await store.currentLearner()).toBeNull();
		await store.useLearner(' Ana ', 10);
		await store.useLearner('Bo', 20);
		await store.useLearner('ana', 30);
		const { sessions, answers, reviews } = SAMPLE_PROGRESS;
		await store.saveSession(sessions[0]!, answers, reviews);
		await closeStorage();
		const again = (await openTrainingStore()).store;
		expect(await again.currentLearner()).toEqual({ key: 'ana', name: 'ana', createdAt: 10, lastSeenAt: 30 });
		expect((await again.learners()).map((l) => l.key)).toEqual(['ana', 'bo']);
		const p = await again.progress('ana');
		expect(p?.sessions).toEqual(sessions);
		expect(p?.answers).toEqual(answers);
		expect(p?.reviews).toEqual(reviews);
		expect((await again.progress('bo'))?.answers).toEqual([]);
		expect(await again.progress('nobody')).toBeNull();
	});

	it('an import keeps the later review card of a topic', async () => {
		const { store } = await openTrainingStore();
		const newer = { ...SAMPLE_PROGRESS.reviews[0]!, lastReview: 99, reps: 5 };
		await store.importProgress({ ...SAMPLE_PROGRESS, reviews: [newer] });
		await store.importProgress(SAMPLE_PROGRESS);
		expect((await store.progress('ana'))?.reviews).toEqual([newer]);
		expect((await store.progress('ana'))?.answers).toHaveLength(1);
	});

	it('an import that fails half-way saves nothing', async () => {
		const { store } = await openTrainingStore();
		const broken = { ...SAMPLE_PROGRESS.answers[0]!, id: undefined } as unknown as AnswerRecord;
		await expect(store.importProgress({ ...SAMPLE_PROGRESS, answers: [broken] })).rejects.toThrow(
			/Could not import/
		);
		const raw = await dumpDatabase(db.factory);
		expect(raw.trainingLearners).toEqual([]);
		expect(raw.trainingSessions).toEqual([]);
		expect(raw.trainingAnswers).toEqual([]);
	});

	it('without IndexedDB: the in-memory store, and the reason saving is off', async () => {
		await configureStorage({ indexedDB: null });
		const { store, offReason } = await openTrainingStore();
		expect(store.persistent).toBe(false);
		expect(offReason).toMatch(/no IndexedDB/);
		await store.useLearner('Ana', 1);
		expect((await store.currentLearner())?.name).toBe('Ana');
	});
});
