/**
 * The bounded decompressor decodes every link lz-string makes exactly as lz-string does, and stops a
 * link that would expand past its limit before it does (issue 13 point 6: a 380 KB link crashed the tab).
 */
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressUriSafeBounded, TOO_LARGE } from './lz-bounded';
import { decodeShareFragment } from './share-link';
import { lzBomb } from '../../../tests/helpers/lz-bomb';

describe('decompressUriSafeBounded', () => {
	it('equals lz-string on random text (unicode included)', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) => {
				const packed = LZString.compressToEncodedURIComponent(text);
				expect(decompressUriSafeBounded(packed, 1e7)).toBe(
					LZString.decompressFromEncodedURIComponent(packed)
				);
			}),
			{ numRuns: 500 }
		);
	});

	it('arbitrary (damaged) payloads: what lz-string decodes, or nothing, never a throw', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[A-Za-z0-9+$-]{0,60}$/), (payload) => {
				let theirs: string | null;
				try {
					theirs = LZString.decompressFromEncodedURIComponent(payload);
				} catch {
					theirs = null;
				}
				const ours = decompressUriSafeBounded(payload, 1e7);
				if (typeof ours === 'string' && ours !== '') expect(ours).toBe(theirs);
				else expect(ours === null || ours === '').toBe(true);
			}),
			{ numRuns: 1000 }
		);
	});

	it('stops a bomb: highly repetitive output past the limit', () => {
		const big = 'a'.repeat(40_000);
		const packed = LZString.compressToEncodedURIComponent(big);
		expect(packed.length).toBeLessThan(1_000);
		expect(decompressUriSafeBounded(packed, 10_000)).toBe(TOO_LARGE);
		// Compared as a boolean: a failing diff of 40,000 characters would take minutes to print.
		const out = decompressUriSafeBounded(packed, 40_000);
		expect(out === big).toBe(true);
		// A link that decompresses to something that is not JSON is damaged, never a crash.
		expect(decodeShareFragment(`#s1=${packed}`)).toMatchObject({ ok: false });
	});
});

describe('a crafted bomb link (tests/helpers/lz-bomb.ts)', () => {
	it('lz-string would expand it quadratically; the share link is refused as too large, at once', () => {
		const small = lzBomb(100);
		expect(LZString.decompressFromEncodedURIComponent(small)?.length).toBe(5151);
		const bomb = lzBomb(70_000);
		expect(bomb.length).toBeLessThan(400_000);
		expect(decodeShareFragment(`#s1=${bomb}`)).toEqual({
			ok: false,
			version: 's1',
			reason: 'the scenario in the link is too large.'
		});
	});
});
