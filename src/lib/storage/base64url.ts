/**
 * Base64url without padding (RFC 4648 §5): the alphabet A–Z a–z 0–9 - _ needs no escaping in a URL
 * fragment and holds no `&` (share-view.ts splits the view fields off at the first one). Strict on
 * the way in: a character outside the alphabet, or a length no encoder gives, is damage, not data.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Char code → 6-bit value, 255 for a character outside the alphabet. */
const VALUE = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64Url(bytes: Uint8Array): string {
	const parts: string[] = [];
	// Built in slices: one string per byte would be slow on a 200 KB payload.
	const SLICE = 3 * 4096;
	for (let start = 0; start < bytes.length; start += SLICE) {
		const end = Math.min(start + SLICE, bytes.length);
		let s = '';
		let i = start;
		for (; i + 2 < end; i += 3) {
			const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
			s += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
		}
		if (i < end) {
			const b0 = bytes[i] as number;
			const b1 = i + 1 < end ? (bytes[i + 1] as number) : 0;
			const n = (b0 << 16) | (b1 << 8);
			s += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
			if (i + 1 < end) s += ALPHABET[(n >> 6) & 63]!;
		}
		parts.push(s);
	}
	return parts.join('');
}

/** The bytes, or null when the text is not unpadded base64url (a foreign character, a cut length). */
export function decodeBase64Url(text: string): Uint8Array | null {
	const len = text.length;
	// A 4-character group carries 3 bytes; a last group of 1 character carries none: no encoder writes it.
	if (len % 4 === 1) return null;
	const out = new Uint8Array(Math.floor((len * 3) / 4));
	let o = 0;
	let i = 0;
	const value = (k: number): number => {
		const c = text.charCodeAt(k);
		return c < 128 ? (VALUE[c] as number) : 255;
	};
	for (; i + 3 < len; i += 4) {
		const a = value(i);
		const b = value(i + 1);
		const c = value(i + 2);
		const d = value(i + 3);
		if ((a | b | c | d) > 63) return null;
		const n = (a << 18) | (b << 12) | (c << 6) | d;
		out[o++] = n >> 16;
		out[o++] = (n >> 8) & 255;
		out[o++] = n & 255;
	}
	if (i < len) {
		const a = value(i);
		const b = value(i + 1);
		const c = i + 2 < len ? value(i + 2) : 0;
		if ((a | b | c) > 63) return null;
		const n = (a << 18) | (b << 12) | (c << 6);
		out[o++] = n >> 16;
		if (i + 2 < len) out[o] = (n >> 8) & 255;
	}
	return out;
}
