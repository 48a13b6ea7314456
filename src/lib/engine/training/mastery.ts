/**
 * Mastery per topic from a learner's answers: the share right among the topic's most recent answers
 * (what they know now, not what they got wrong a month ago), the weakest topics first, and the
 * score history of finished quizzes, lessons and exercises for the progress chart.
 */
import { KIND_TOPIC, type QuestionKind } from '../quiz/questions';

/** How many of a topic's latest answers mastery looks at. */
export const MASTERY_WINDOW = 10;
/** Mastery at or above this is "mastered"; below it a topic is a weak one. */
export const MASTERED = 0.8;

export const TOPICS = Object.keys(KIND_TOPIC) as QuestionKind[];

export interface AnswerFact {
	topic: QuestionKind;
	correct: boolean;
	at: number;
}

export interface TopicMastery {
	topic: QuestionKind;
	label: string;
	answered: number;
	correct: number;
	/** Share right of the latest MASTERY_WINDOW answers; null before any answer. */
	mastery: number | null;
}

export function masteryByTopic(answers: readonly AnswerFact[]): TopicMastery[] {
	return TOPICS.map((topic) => {
		const mine = answers.filter((a) => a.topic === topic).sort((a, b) => a.at - b.at);
		const recent = mine.slice(-MASTERY_WINDOW);
		return {
			topic,
			label: KIND_TOPIC[topic],
			answered: mine.length,
			correct: mine.filter((a) => a.correct).length,
			mastery: recent.length ? recent.filter((a) => a.correct).length / recent.length : null
		};
	});
}

/** Answered topics below MASTERED, weakest first (ties: the one answered more often first). */
export const weakestTopics = (m: readonly TopicMastery[]): TopicMastery[] =>
	m
		.filter((t) => t.mastery !== null && t.mastery < MASTERED)
		.sort((a, b) => (a.mastery as number) - (b.mastery as number) || b.answered - a.answered);

export const percent = (share: number): string => `${Math.round(share * 100)}%`;
