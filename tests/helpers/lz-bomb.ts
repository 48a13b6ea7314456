/**
 * A crafted share-link payload that lz-string expands quadratically: after the first character every
 * code refers to the entry about to be made (the "KwKwK" case), so entry n is n characters long and
 * k codes decompress to about k²/2 characters. 70,000 codes are ~190 KB of link and ~2.4 billion
 * characters of output: what crashed the tab before decompression was bounded.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

export function lzBomb(codes: number): string {
	const out: string[] = [];
	let char = 0;
	let position = 32;
	const writeBits = (value: number, count: number) => {
		for (let i = 0; i < count; i++) {
			if ((value >> i) & 1) char |= position;
			position >>= 1;
			if (position === 0) {
				out.push(ALPHABET[char] as string);
				char = 0;
				position = 32;
			}
		}
	};
	writeBits(0, 2); // an 8-bit character follows
	writeBits(97, 8); // 'a'
	let dictSize = 4;
	let numBits = 3;
	let enlargeIn = 4;
	for (let k = 0; k < codes; k++) {
		writeBits(dictSize, numBits); // the entry being made: w + w[0]
		dictSize++;
		enlargeIn--;
		if (enlargeIn === 0) {
			enlargeIn = 2 ** numBits;
			numBits++;
		}
	}
	writeBits(2, numBits); // end of stream
	if (position !== 32) out.push(ALPHABET[char] as string);
	return out.join('');
}
