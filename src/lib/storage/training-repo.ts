/**
 * Training progress in IndexedDB (the four training tables of schema version 4, see db.ts), behind
 * the TrainingStore interface: the current learner in `meta`, a session with its answers and review
 * cards in one transaction, and an import written all at once or not at all.
 */
import { read, write } from './repo-io';
import { laterCard, type TrainingStore } from './training-store';
import { CURRENT_LEARNER_KEY, learnerKey, type LearnerRecord } from './training-records';

export function dexieTrainingStore(): TrainingStore {
	return {
		persistent: true,
		currentLearner: () =>
			read('read who is learning', async (db) => {
				const key = (await db.meta.get(CURRENT_LEARNER_KEY))?.value;
				return typeof key === 'string' ? ((await db.trainingLearners.get(key)) ?? null) : null;
			}),
		useLearner: (name, now) =>
			write('keep the learner’s name', (db) =>
				db.transaction('rw', db.trainingLearners, db.meta, async () => {
					const key = learnerKey(name);
					const old = await db.trainingLearners.get(key);
					const rec: LearnerRecord = {
						key,
						name: name.trim(),
						createdAt: old?.createdAt ?? now,
						lastSeenAt: now
					};
					await db.trainingLearners.put(rec);
					await db.meta.put({ key: CURRENT_LEARNER_KEY, value: key });
					return rec;
				})
			),
		learners: () =>
			read('list the learners', (db) => db.trainingLearners.orderBy('lastSeenAt').reverse().toArray()),
		saveSession: (session, answers, reviews) =>
			write('save your answers', (db) =>
				db.transaction('rw', db.trainingSessions, db.trainingAnswers, db.trainingReviews, async () => {
					await db.trainingSessions.put(session);
					await db.trainingAnswers.bulkPut(answers);
					await db.trainingReviews.bulkPut(reviews);
				})
			),
		progress: (key) =>
			read('read your progress', (db) =>
				db.transaction(
					'r',
					[db.trainingLearners, db.trainingSessions, db.trainingAnswers, db.trainingReviews],
					async () => {
						const learner = await db.trainingLearners.get(key);
						if (!learner) return null;
						return {
							learner,
							sessions: await db.trainingSessions.where('learner').equals(key).toArray(),
							answers: await db.trainingAnswers.where('learner').equals(key).toArray(),
							reviews: await db.trainingReviews.where('learner').equals(key).toArray()
						};
					}
				)
			),
		importProgress: (p) =>
			write('import the progress', (db) =>
				db.transaction(
					'rw',
					[db.trainingLearners, db.trainingSessions, db.trainingAnswers, db.trainingReviews],
					async () => {
						const old = await db.trainingLearners.get(p.learner.key);
						await db.trainingLearners.put({
							...p.learner,
							createdAt: Math.min(p.learner.createdAt, old?.createdAt ?? Infinity)
						});
						await db.trainingSessions.bulkPut(p.sessions);
						await db.trainingAnswers.bulkPut(p.answers);
						const mine = await db.trainingReviews.where('learner').equals(p.learner.key).toArray();
						const byTopic = new Map(mine.map((r) => [r.topic, r]));
						await db.trainingReviews.bulkPut(p.reviews.map((r) => laterCard(byTopic.get(r.topic), r)));
					}
				)
			)
	};
}
