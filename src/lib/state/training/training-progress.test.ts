/**
 * Training progress over the in-memory store: a learner by name, a recorded session with every
 * answer, mastery and weakest topics from them, missed topics scheduled for review and due the next
 * day, and an import that switches to the imported learner.
 */
import { describe, expect, it } from 'vitest';
import { DAY } from '$lib/domain/units';
import { memoryTrainingStore } from '$lib/storage/training-store';
import { TrainingProgress } from './training-progress.svelte';

function progressAt(now: { t: number }) {
	const p = new TrainingProgress(() => now.t);
	p.store = memoryTrainingStore();
	return p;
}

const item = (topic: 'charge' | 'outcome', correct: boolean, i: number) => ({
	itemId: `q${i}`,
	topic,
	chosen: 'x',
	answer: correct ? 'x' : 'y',
	correct,
	regime: 'cbp-2023-06' as const,
	rateCard: '2023-06-01-USD'
});

describe('TrainingProgress', () => {
	it('refuses an empty name, keeps a learner, records a session', async () => {
		const now = { t: Date.parse('2026-03-02T09:00:00Z') };
		const p = progressAt(now);
		expect(await p.setLearner('  ')).toMatch(/Enter your name/);
		expect(await p.setLearner('Ana')).toBeNull();
		await p.record({
			activity: 'quiz',
			title: 'Quiz, level 1',
			startedAt: now.t - 60_000,
			items: [item('charge', true, 0), item('charge', true, 1), item('outcome', false, 2)]
		});
		expect(p.progress?.answers).toHaveLength(3);
		expect(p.sessions.map((s) => [s.score, s.total])).toEqual([[2, 3]]);
		expect(p.mastery.find((m) => m.topic === 'charge')?.mastery).toBe(1);
		expect(p.weakest.map((w) => w.topic)).toEqual(['outcome']);
		expect(p.due).toEqual([]);
		// The next day, the missed topic (and the learned one) are due.
		now.t += DAY;
		await p.reload();
		expect(p.due.map((c) => c.topic)).toContain('outcome');
	});

	it('a session without a learner goes to "Guest"; an import switches learner', async () => {
		const now = { t: 1_000 };
		const p = progressAt(now);
		await p.record({ activity: 'exercise', title: 'Inbox', startedAt: 0, items: [item('charge', true, 0)] });
		expect(p.learner?.name).toBe('Guest');
		const guest = p.progress!;
		await p.importProgress({
			...guest,
			learner: { ...guest.learner, key: 'bo', name: 'Bo' },
			sessions: guest.sessions.map((s) => ({ ...s, id: 'b1', learner: 'bo' })),
			answers: guest.answers.map((a) => ({ ...a, id: 'b1-0', learner: 'bo', sessionId: 'b1' })),
			reviews: guest.reviews.map((r) => ({ ...r, learner: 'bo' }))
		});
		expect(p.learner?.name).toBe('Bo');
		expect(p.progress?.answers.map((a) => a.id)).toEqual(['b1-0']);
		expect(p.learners.map((l) => l.name).sort()).toEqual(['Bo', 'Guest']);
		expect(p.exercisesDone.get('q0')).toMatchObject({ score: 1, total: 1 });
	});
});
