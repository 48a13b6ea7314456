/**
 * What training keeps per learner name on this browser (schema version 3, see db.ts): the learners,
 * every answer given (quizzes, exams, lessons' predictions, inbox exercises), every finished session
 * with its score, and one spaced-repetition card per topic. A learner is keyed by the name's
 * trimmed, lower-cased form, so "Ana" and "ana " are one learner.
 */
import type { RegimeId } from '$lib/domain/regimes';
import type { QuestionKind } from '$lib/engine/quiz/questions';
import type { TopicCard } from '$lib/engine/training/review';

export type Activity = 'quiz' | 'exam' | 'review' | 'lesson' | 'exercise';
export const ACTIVITIES: readonly Activity[] = ['quiz', 'exam', 'review', 'lesson', 'exercise'];

export interface LearnerRecord {
	/** The name trimmed and lower-cased: the primary key. */
	key: string;
	/** As the learner typed it. */
	name: string;
	createdAt: number;
	lastSeenAt: number;
}

export interface AnswerRecord {
	id: string;
	learner: string;
	sessionId: string;
	activity: Activity;
	/** The question's, prediction's or exercise's id. */
	itemId: string;
	topic: QuestionKind;
	correct: boolean;
	/** The learner's choice; null when time ran out first. */
	chosen: string | null;
	answer: string;
	/** The regime and rate card the question was priced under (the printable summary's stamp). */
	regime: RegimeId | 'mixed';
	rateCard: string | null;
	at: number;
}

export interface SessionRecord {
	id: string;
	learner: string;
	activity: Activity;
	title: string;
	startedAt: number;
	finishedAt: number;
	score: number;
	total: number;
}

export interface ReviewRecord extends TopicCard {
	learner: string;
}

/** Everything kept for one learner. */
export interface LearnerProgress {
	learner: LearnerRecord;
	sessions: SessionRecord[];
	answers: AnswerRecord[];
	reviews: ReviewRecord[];
}

/** The meta-table key of the learner last used on this browser. */
export const CURRENT_LEARNER_KEY = 'training.learner';
export const MAX_NAME_LENGTH = 60;

export const learnerKey = (name: string): string => name.trim().toLowerCase();

/** Why a name cannot be used, or null. */
export function learnerNameError(name: string): string | null {
	const n = name.trim();
	if (!n) return 'Enter your name (it keeps your progress apart from others on this browser).';
	if (n.length > MAX_NAME_LENGTH) return `Use at most ${MAX_NAME_LENGTH} characters.`;
	return null;
}
