/**
 * Spaced repetition of the quiz topics with FSRS (ts-fsrs, a maintained implementation): every topic
 * a learner met is a card; a topic answered wrong comes back soon, one answered right later and
 * later. Cards are stored as plain numbers (epoch ms), so they go into IndexedDB and export files
 * as they are. Fuzz is off: the same answers on the same dates give the same schedule.
 */
import { createEmptyCard, fsrs, Rating, State, type Card } from 'ts-fsrs';
import type { QuestionKind } from '../quiz/questions';

export interface TopicCard {
	topic: QuestionKind;
	due: number;
	stability: number;
	difficulty: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: 'new' | 'learning' | 'review' | 'relearning';
	lastReview: number | null;
}

const scheduler = fsrs({ enable_fuzz: false });
const STATES = ['new', 'learning', 'review', 'relearning'] as const;

function toCard(c: TopicCard): Card {
	return {
		due: new Date(c.due),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsed_days: 0,
		scheduled_days: c.scheduledDays,
		learning_steps: c.learningSteps,
		reps: c.reps,
		lapses: c.lapses,
		state: STATES.indexOf(c.state) as State,
		...(c.lastReview === null ? {} : { last_review: new Date(c.lastReview) })
	};
}

function fromCard(topic: QuestionKind, c: Card): TopicCard {
	return {
		topic,
		due: c.due.getTime(),
		stability: c.stability,
		difficulty: c.difficulty,
		scheduledDays: c.scheduled_days,
		learningSteps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: STATES[c.state] ?? 'new',
		lastReview: c.last_review ? c.last_review.getTime() : null
	};
}

/** A topic nobody has reviewed yet, due now. */
export const newTopicCard = (topic: QuestionKind, now: number): TopicCard =>
	fromCard(topic, createEmptyCard(new Date(now)));

/** The card after a review at `now`: right → Good, wrong → Again (it comes back soon). */
export function reviewTopic(
	card: TopicCard | undefined,
	topic: QuestionKind,
	correct: boolean,
	now: number
): TopicCard {
	const from = card ?? newTopicCard(topic, now);
	const next = scheduler.next(toCard(from), new Date(now), correct ? Rating.Good : Rating.Again);
	return fromCard(topic, next.card);
}

/** Topics due at `now`, the most overdue first. */
export const dueTopics = (cards: readonly TopicCard[], now: number): TopicCard[] =>
	cards.filter((c) => c.due <= now).sort((a, b) => a.due - b.due);

/** Reviews of one session per topic: a topic missed even once counts as missed. */
export function sessionGrades(results: readonly { topic: QuestionKind; correct: boolean }[]) {
	const byTopic = new Map<QuestionKind, boolean>();
	for (const r of results) byTopic.set(r.topic, (byTopic.get(r.topic) ?? true) && r.correct);
	return [...byTopic].map(([topic, correct]) => ({ topic, correct }));
}
