/** Base64url (base64url.ts): what Node's own codec writes and reads, and strict about damage. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url';

describe('base64url', () => {
	it('property: encodes as Node does and decodes back', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 40_000 }), (bytes) => {
				const text = encodeBase64Url(bytes);
				expect(text).toBe(Buffer.from(bytes).toString('base64url'));
				expect(decodeBase64Url(text)).toEqual(bytes);
			}),
			{ numRuns: 200 }
		);
	});

	it('refuses a foreign character or a length no encoder writes', () => {
		expect(decodeBase64Url('')).toEqual(new Uint8Array());
		expect(decodeBase64Url('A')).toBeNull();
		expect(decodeBase64Url('AAAAA')).toBeNull();
		for (const bad of ['AA+A', 'AA/A', 'AA=A', 'AAA=', 'AA A', 'AAé', 'AA&t', 'A%41'])
			expect(decodeBase64Url(bad)).toBeNull();
	});
});
