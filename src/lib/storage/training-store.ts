/**
 * Where training progress goes: the interface the state layer uses, and the in-memory store used
 * when the browser gives no storage (the page says so and keeps working; nothing survives a reload).
 * The IndexedDB store (training-repo.ts) implements the same interface.
 */
import {
	learnerKey,
	type AnswerRecord,
	type LearnerProgress,
	type LearnerRecord,
	type ReviewRecord,
	type SessionRecord
} from './training-records';

export interface TrainingStore {
	/** False for the in-memory store. */
	readonly persistent: boolean;
	/** The learner last used on this browser, if any. */
	currentLearner(): Promise<LearnerRecord | null>;
	/** Makes `name` the current learner, creating it if new. */
	useLearner(name: string, now: number): Promise<LearnerRecord>;
	learners(): Promise<LearnerRecord[]>;
	/** A finished session, its answers and the updated review cards, in one write. */
	saveSession(session: SessionRecord, answers: AnswerRecord[], reviews: ReviewRecord[]): Promise<void>;
	progress(key: string): Promise<LearnerProgress | null>;
	/** Writes an imported learner's records (already validated) all at once. */
	importProgress(p: LearnerProgress): Promise<void>;
}

/** The later of two cards for a topic: an import never winds a schedule back. */
export const laterCard = (a: ReviewRecord | undefined, b: ReviewRecord): ReviewRecord =>
	a && (a.lastReview ?? 0) > (b.lastReview ?? 0) ? a : b;

export function memoryTrainingStore(): TrainingStore {
	const learners = new Map<string, LearnerRecord>();
	const sessions = new Map<string, SessionRecord>();
	const answers = new Map<string, AnswerRecord>();
	const reviews = new Map<string, ReviewRecord>();
	let current: string | null = null;
	const reviewKey = (r: ReviewRecord) => `${r.learner}\u0000${r.topic}`;
	return {
		persistent: false,
		currentLearner: async () => (current ? (learners.get(current) ?? null) : null),
		async useLearner(name, now) {
			const key = learnerKey(name);
			const old = learners.get(key);
			const rec = { key, name: name.trim(), createdAt: old?.createdAt ?? now, lastSeenAt: now };
			learners.set(key, rec);
			current = key;
			return rec;
		},
		learners: async () => [...learners.values()].sort((a, b) => b.lastSeenAt - a.lastSeenAt),
		async saveSession(s, a, r) {
			sessions.set(s.id, s);
			for (const x of a) answers.set(x.id, x);
			for (const x of r) reviews.set(reviewKey(x), x);
		},
		async progress(key) {
			const learner = learners.get(key);
			if (!learner) return null;
			const mine = <T extends { learner: string }>(m: Map<string, T>) =>
				[...m.values()].filter((x) => x.learner === key);
			return { learner, sessions: mine(sessions), answers: mine(answers), reviews: mine(reviews) };
		},
		async importProgress(p) {
			const old = learners.get(p.learner.key);
			learners.set(p.learner.key, {
				...p.learner,
				createdAt: Math.min(p.learner.createdAt, old?.createdAt ?? Infinity)
			});
			for (const s of p.sessions) sessions.set(s.id, s);
			for (const a of p.answers) answers.set(a.id, a);
			for (const r of p.reviews) reviews.set(reviewKey(r), laterCard(reviews.get(reviewKey(r)), r));
		}
	};
}
