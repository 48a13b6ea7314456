/**
 * Bounded raw inflate (inflate-bounded.ts): the same bytes as fflate's own inflate, nothing past the
 * limit however small the input, and damage is null, never a throw.
 */
import { deflateSync, inflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INFLATE_TOO_LARGE, inflateRawBounded } from './inflate-bounded';

describe('inflateRawBounded', () => {
	it('property: gives back what was deflated', () => {
		fc.assert(
			fc.property(
				fc.uint8Array({ minLength: 0, maxLength: 50_000 }),
				fc.integer({ min: 0, max: 9 }),
				(bytes, level) => {
					const out = inflateRawBounded(deflateSync(bytes, { level: level as 0 }), 1e6);
					expect(out).toEqual(bytes);
				}
			),
			{ numRuns: 100 }
		);
	});

	it('inflates a large stream fed in many slices, and stops a bomb at the limit', () => {
		// Random-looking bytes with some repeats: ~2 MB deflated, fed in slices of a few KB.
		let seed = 7;
		const big = new Uint8Array(3_000_000).map(
			() => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) >> 16) % 64
		);
		const deflated = deflateSync(big);
		const out = inflateRawBounded(deflated, 4_000_000);
		expect(out instanceof Uint8Array && out.length === big.length && out.every((b, i) => b === big[i])).toBe(
			true
		);
		expect(inflateRawBounded(deflated, 2_999_999)).toBe(INFLATE_TOO_LARGE);
		// 40 MB of zeros deflate to ~40 KB: refused once past the limit, not expanded whole.
		const bomb = deflateSync(new Uint8Array(40_000_000), { level: 9 });
		expect(bomb.length).toBeLessThan(60_000);
		expect(inflateRawBounded(bomb, 1_000_000)).toBe(INFLATE_TOO_LARGE);
	});

	it('property: cut or altered streams give null or bytes, never a throw; a cut one never passes', () => {
		const data = new TextEncoder().encode(JSON.stringify({ a: 'some text '.repeat(500), n: [1, 2, 3] }));
		const deflated = deflateSync(data);
		expect(inflateSync(deflated)).toEqual(data);
		fc.assert(
			fc.property(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean(), (i, b, cut) => {
				const input = cut ? deflated.subarray(0, i % deflated.length) : Uint8Array.from(deflated);
				if (!cut) input[i % input.length] = b;
				const out = inflateRawBounded(input, 1e6);
				if (cut) expect(out).toBeNull();
				else expect(out === null || out instanceof Uint8Array).toBe(true);
			}),
			{ numRuns: 1000 }
		);
		expect(inflateRawBounded(new Uint8Array(), 1e6)).toBeNull();
		expect(inflateRawBounded(new Uint8Array([255, 255, 255]), 1e6)).toBeNull();
	});
});
