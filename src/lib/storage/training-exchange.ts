/**
 * Export and import of a learner's progress as a `wa-pricing-training/1` JSON file. An import is
 * read whole and validated first — the format, every record's fields, every record belonging to the
 * file's learner — and a bad file is refused with a message naming the field; nothing is written.
 */
import * as v from 'valibot';
import { REGIME_IDS } from '$lib/domain/regimes';
import { KIND_TOPIC, type QuestionKind } from '$lib/engine/quiz/questions';
import { APP_VERSION } from './app-version';
import { ACTIVITIES, learnerKey, learnerNameError, type LearnerProgress } from './training-records';

export const TRAINING_FORMAT = 'wa-pricing-training/1';
/** Larger files are refused before they are read. */
export const MAX_TRAINING_BYTES = 5 * 1024 * 1024;

const time = v.pipe(
	v.number('must be a number'),
	v.integer('must be a whole number'),
	v.minValue(0, 'must be 0 or more')
);
const count = time;
const text = v.pipe(v.string('must be a string'), v.maxLength(2000, 'must be at most 2000 characters'));
const id = v.pipe(
	v.string('must be a string'),
	v.minLength(1, 'must not be empty'),
	v.maxLength(200, 'is too long')
);
const topic = v.picklist(
	Object.keys(KIND_TOPIC) as QuestionKind[],
	`must be one of ${Object.keys(KIND_TOPIC).join(', ')}`
);
const activity = v.picklist(ACTIVITIES, `must be one of ${ACTIVITIES.join(', ')}`);
const regime = v.picklist(
	[...REGIME_IDS, 'mixed'] as const,
	`must be one of ${REGIME_IDS.join(', ')} or mixed`
);

const learner = v.strictObject({ key: id, name: id, createdAt: time, lastSeenAt: time });
const session = v.strictObject({
	id,
	learner: id,
	activity,
	title: text,
	startedAt: time,
	finishedAt: time,
	score: count,
	total: count
});
const answer = v.strictObject({
	id,
	learner: id,
	sessionId: id,
	activity,
	itemId: id,
	topic,
	correct: v.boolean('must be true or false'),
	chosen: v.nullable(text),
	answer: text,
	regime,
	rateCard: v.nullable(id),
	at: time
});
const review = v.strictObject({
	learner: id,
	topic,
	due: time,
	stability: v.number('must be a number'),
	difficulty: v.number('must be a number'),
	scheduledDays: v.number('must be a number'),
	learningSteps: count,
	reps: count,
	lapses: count,
	state: v.picklist(
		['new', 'learning', 'review', 'relearning'],
		'must be new, learning, review or relearning'
	),
	lastReview: v.nullable(time)
});

const fileSchema = v.strictObject({
	format: v.literal(TRAINING_FORMAT, `must be "${TRAINING_FORMAT}"`),
	app_version: v.string('must be a string'),
	exported_at: v.string('must be a string'),
	learner,
	sessions: v.array(session, 'must be a list'),
	answers: v.array(answer, 'must be a list'),
	reviews: v.array(review, 'must be a list')
});
export type TrainingFile = v.InferOutput<typeof fileSchema>;

export function toTrainingFile(p: LearnerProgress, now: Date = new Date()): TrainingFile {
	return { format: TRAINING_FORMAT, app_version: APP_VERSION, exported_at: now.toISOString(), ...p };
}

export const trainingFileName = (p: LearnerProgress, now: Date = new Date()): string =>
	`training-${p.learner.key.replace(/[^\w-]+/g, '-').slice(0, 40) || 'learner'}-${now.toISOString().slice(0, 10)}.json`;

export type TrainingImport = { ok: true; progress: LearnerProgress } | { ok: false; message: string };

const refuse = (message: string): TrainingImport => ({
	ok: false,
	message: `Not imported: ${message} Nothing was saved.`
});

export function readTrainingFile(content: string): TrainingImport {
	if (content.length > MAX_TRAINING_BYTES) return refuse('the file is larger than 5 MB.');
	let data: unknown;
	try {
		data = JSON.parse(content);
	} catch {
		return refuse('the file is not JSON. Choose a file exported from this page.');
	}
	const r = v.safeParse(fileSchema, data, { abortPipeEarly: true });
	if (!r.success) {
		const issue = r.issues[0];
		const path = issue ? (v.getDotPath(issue) ?? '(file)') : '(file)';
		return refuse(`${path}: ${issue?.message ?? 'not a training progress file'}.`);
	}
	const f = r.output;
	const nameError = learnerNameError(f.learner.name);
	if (nameError) return refuse(`learner.name: ${nameError}`);
	if (learnerKey(f.learner.name) !== f.learner.key) return refuse('learner.key does not match learner.name.');
	const stray = [...f.sessions, ...f.answers, ...f.reviews].find((x) => x.learner !== f.learner.key);
	if (stray)
		return refuse(`a record belongs to "${stray.learner}", not to the file's learner "${f.learner.key}".`);
	const { learner: l, sessions, answers, reviews } = f;
	return { ok: true, progress: { learner: l, sessions, answers, reviews } };
}
