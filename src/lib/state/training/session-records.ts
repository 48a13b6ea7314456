/**
 * A finished lesson, quiz or exercise as the records training keeps: the session with its score,
 * one answer per item, and each topic's review card rescheduled (a topic missed once in the session
 * counts as missed). And, back from the records, which lessons and exercises a learner finished.
 */
import { reviewTopic, sessionGrades } from '$lib/engine/training/review';
import type {
	Activity,
	AnswerRecord,
	LearnerProgress,
	ReviewRecord,
	SessionRecord
} from '$lib/storage/training-records';

/** One answered item of a finished session. */
export type SessionItem = Pick<
	AnswerRecord,
	'itemId' | 'topic' | 'chosen' | 'answer' | 'correct' | 'regime' | 'rateCard'
>;

export interface FinishedSession {
	activity: Activity;
	title: string;
	startedAt: number;
	items: SessionItem[];
}

export function sessionRecords(
	s: FinishedSession,
	o: { id: string; learner: string; now: number; reviews: readonly ReviewRecord[] }
): { session: SessionRecord; answers: AnswerRecord[]; reviews: ReviewRecord[] } {
	const { id, learner, now } = o;
	const old = new Map(o.reviews.map((r) => [r.topic, r]));
	return {
		session: {
			id,
			learner,
			activity: s.activity,
			title: s.title,
			startedAt: s.startedAt,
			finishedAt: now,
			score: s.items.filter((x) => x.correct).length,
			total: s.items.length
		},
		answers: s.items.map((x, i) => ({
			...x,
			id: `${id}-${i}`,
			learner,
			sessionId: id,
			activity: s.activity,
			at: now
		})),
		reviews: sessionGrades(s.items).map((g) => ({
			...reviewTopic(old.get(g.topic), g.topic, g.correct, now),
			learner
		}))
	};
}

/**
 * Finished sessions of an activity by what they were about — the first `parts` segments of their
 * answers' item ids ("lesson-id:regime", "exercise-id") — with the latest score.
 */
export function doneBy(
	p: LearnerProgress | null,
	activity: Activity,
	parts: number
): Map<string, { score: number; total: number }> {
	const out = new Map<string, { score: number; total: number }>();
	if (!p) return out;
	const sessions = p.sessions
		.filter((x) => x.activity === activity)
		.sort((a, b) => a.finishedAt - b.finishedAt);
	for (const session of sessions) {
		const first = p.answers.find((a) => a.sessionId === session.id);
		if (first) out.set(first.itemId.split(':').slice(0, parts).join(':'), session);
	}
	return out;
}
