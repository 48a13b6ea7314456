import { describe, expect, it } from 'vitest';
import { USE_CASES } from '$lib/domain/use-cases';
import { asEpochMs } from '$lib/domain/units';
import { decodeShareFragment, encodeShareFragment } from './share-link';
import { decodeShareView, encodeShareView, splitShareFragment } from './share-view';

const t = asEpochMs(Date.parse('2023-09-13T05:00:00Z'));

describe('share-link view fields', () => {
	it('round-trip the playhead, the view and presentation mode; the scenario still decodes', () => {
		const scenario = USE_CASES[0]!.scenario;
		const hash = `#${encodeShareFragment(scenario)}${encodeShareView({ playhead: t, view: 'compare', present: true })}`;
		expect(hash).toMatch(/&t=\d+&view=compare&present=1$/);
		expect(decodeShareView(hash)).toEqual({
			ok: true,
			view: { playhead: t, view: 'compare', present: true }
		});
		expect(decodeShareFragment(hash)).toMatchObject({ ok: true, scenario });
	});

	it('a link without view fields (every older link) has an empty view', () => {
		const hash = `#${encodeShareFragment(USE_CASES[1]!.scenario)}`;
		expect(splitShareFragment(hash).fields).toBeNull();
		expect(decodeShareView(hash)).toEqual({ ok: true, view: {} });
		expect(encodeShareView({ view: 'replay' })).toBe('');
	});

	it('refuses malformed, unknown or repeated fields', () => {
		for (const bad of [
			'&t=abc',
			'&t=-5',
			'&t=1e12',
			'&t=99999999999999',
			'&t=',
			'&view=edit',
			'&view=',
			'&present=yes',
			'&present',
			'&zoom=2',
			'&t=1694581200000&t=1694581200000'
		])
			expect(decodeShareView(`#s1=abc${bad}`), bad).toMatchObject({ ok: false });
	});
});
