/**
 * Progress files: an export reads back as the same progress; a bad file (not JSON, another format,
 * a wrong field, a record of another learner, too large) is refused with a message naming what is
 * wrong, and the memory store is untouched.
 */
import { describe, expect, it } from 'vitest';
import { readTrainingFile, toTrainingFile, trainingFileName } from './training-exchange';
import { SAMPLE_PROGRESS } from '../../../tests/fixtures/storage/training-progress';

const SAMPLE = SAMPLE_PROGRESS;

describe('training progress files', () => {
	it('round trip', () => {
		const file = toTrainingFile(SAMPLE, new Date('2026-01-01T00:00:00Z'));
		const back = readTrainingFile(JSON.stringify(file));
		expect(back).toEqual({ ok: true, progress: SAMPLE });
		expect(trainingFileName(SAMPLE, new Date('2026-01-01T00:00:00Z'))).toBe('training-ana-2026-01-01.json');
	});

	const bad = (mutate: (f: Record<string, unknown>) => void) => {
		const f = JSON.parse(JSON.stringify(toTrainingFile(SAMPLE))) as Record<string, unknown>;
		mutate(f);
		return readTrainingFile(JSON.stringify(f));
	};

	it.each([
		['not JSON', () => readTrainingFile('{oops'), /not JSON/],
		[
			'another format',
			() => bad((f) => (f.format = 'wa-pricing-runs/1')),
			/format: must be "wa-pricing-training\/1"/
		],
		[
			'a bad topic',
			() => bad((f) => ((f.answers as { topic: string }[])[0]!.topic = 'gossip')),
			/answers\.0\.topic: must be one of/
		],
		['a missing list', () => bad((f) => delete f.reviews), /reviews/],
		[
			'another learner’s record',
			() => bad((f) => ((f.sessions as { learner: string }[])[0]!.learner = 'bob')),
			/belongs to "bob"/
		],
		[
			'a key that is not the name',
			() => bad((f) => ((f.learner as { key: string }).key = 'eve')),
			/learner\.key/
		],
		['an empty name', () => bad((f) => ((f.learner as { name: string }).name = '  ')), /learner\.name/],
		['too large', () => readTrainingFile(' '.repeat(5 * 1024 * 1024 + 1)), /larger than 5 MB/]
	])('refuses %s, saying nothing was saved', (_name, run, message) => {
		const r = run();
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.message).toMatch(message);
			expect(r.message).toMatch(/^Not imported: .*Nothing was saved\.$/);
		}
	});
});
