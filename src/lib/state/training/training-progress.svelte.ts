/**
 * The learner's progress as the training pages see it: who is learning on this browser, everything
 * they answered, mastery per topic, the weakest topics, the topics due for review (FSRS), and the
 * score history. Finished lessons, quizzes and exercises are recorded here — one write per session,
 * review cards updated with it. When storage is off it says why and keeps progress in the tab.
 */
import { dueTopics, type TopicCard } from '$lib/engine/training/review';
import { masteryByTopic, weakestTopics, type TopicMastery } from '$lib/engine/training/mastery';
import { openTrainingStore } from '$lib/storage/training-open';
import { memoryTrainingStore, type TrainingStore } from '$lib/storage/training-store';
import { learnerNameError, type LearnerProgress, type LearnerRecord } from '$lib/storage/training-records';
import { doneBy, sessionRecords, type FinishedSession } from './session-records';

export type { FinishedSession, SessionItem } from './session-records';

export class TrainingProgress {
	store: TrainingStore = memoryTrainingStore();
	ready = $state(false);
	offReason = $state<string | null>(null);
	error = $state<string | null>(null);
	learner = $state.raw<LearnerRecord | null>(null);
	learners = $state.raw<LearnerRecord[]>([]);
	progress = $state.raw<LearnerProgress | null>(null);
	/** When "due" was last worked out (set on load and after every session). */
	checkedAt = $state(0);

	mastery: TopicMastery[] = $derived(masteryByTopic(this.progress?.answers ?? []));
	weakest: TopicMastery[] = $derived(weakestTopics(this.mastery));
	due: TopicCard[] = $derived(dueTopics(this.progress?.reviews ?? [], this.checkedAt));
	sessions = $derived([...(this.progress?.sessions ?? [])].sort((a, b) => a.finishedAt - b.finishedAt));

	/** Finished lessons ("lesson-id:regime") and exercises ("exercise-id"), with their latest score. */
	lessonsDone = $derived(doneBy(this.progress, 'lesson', 2));
	exercisesDone = $derived(doneBy(this.progress, 'exercise', 1));

	constructor(private clock: () => number = () => Date.now()) {}

	async init(): Promise<void> {
		try {
			const opened = await openTrainingStore();
			this.store = opened.store;
			this.offReason = opened.offReason;
			this.learner = await this.store.currentLearner();
			await this.reload();
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
		this.ready = true;
	}

	async reload(): Promise<void> {
		this.learners = await this.store.learners();
		this.progress = this.learner ? await this.store.progress(this.learner.key) : null;
		this.checkedAt = this.clock();
	}

	/** Switches to (or creates) a learner; returns an error message for a bad name, else null. */
	async setLearner(name: string): Promise<string | null> {
		const bad = learnerNameError(name);
		if (bad) return bad;
		await this.guard(async () => {
			this.learner = await this.store.useLearner(name, this.clock());
			await this.reload();
		});
		return null;
	}

	/** Stores a finished session with every answer, and reschedules its topics. */
	async record(s: FinishedSession): Promise<void> {
		await this.guard(async () => {
			const now = this.clock();
			this.learner ??= await this.store.useLearner('Guest', now);
			const r = sessionRecords(s, {
				id: crypto.randomUUID(),
				learner: this.learner.key,
				now,
				reviews: this.progress?.reviews ?? []
			});
			await this.store.saveSession(r.session, r.answers, r.reviews);
			await this.reload();
		});
	}

	async importProgress(p: LearnerProgress): Promise<void> {
		await this.guard(async () => {
			await this.store.importProgress(p);
			this.learner = await this.store.useLearner(p.learner.name, this.clock());
			await this.reload();
		});
	}

	private async guard(fn: () => Promise<void>): Promise<void> {
		this.error = null;
		try {
			await fn();
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}
}
