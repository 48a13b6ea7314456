/**
 * lz-string's decompression of a URI-safe payload, with a limit on the output: a crafted share link
 * of a few hundred kilobytes can otherwise expand to gigabytes and crash the tab before any size
 * check after decompression runs. The algorithm is lz-string 1.5.0's `_decompress` (MIT, © 2013
 * pieroxy), unchanged but for the running size check; links made by `compressToEncodedURIComponent`
 * decode exactly as before.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Too large: the output would pass the limit. */
export const TOO_LARGE = Symbol('too large');

/**
 * The decompressed text, null for a damaged payload, or TOO_LARGE as soon as the output (or the
 * dictionary, which grows with it) would pass `maxChars`.
 */
export function decompressUriSafeBounded(input: string, maxChars: number): string | null | typeof TOO_LARGE {
	if (input === '') return null;
	const text = input.replace(/ /g, '+');
	const length = text.length;
	const valueAt = (i: number): number => VALUE.get(text.charAt(i)) ?? 0;
	const resetValue = 32;
	const dictionary: string[] = [];
	let enlargeIn = 4;
	let dictSize = 4;
	let numBits = 3;
	let entry: string;
	const result: string[] = [];
	let dictChars = 0;
	const data = { val: valueAt(0), position: resetValue, index: 1 };
	const readBits = (count: number): number => {
		let bits = 0;
		const maxpower = 2 ** count;
		let power = 1;
		while (power !== maxpower) {
			const resb = data.val & data.position;
			data.position >>= 1;
			if (data.position === 0) {
				data.position = resetValue;
				data.val = valueAt(data.index++);
			}
			bits |= (resb > 0 ? 1 : 0) * power;
			power <<= 1;
		}
		return bits;
	};

	for (let i = 0; i < 3; i++) dictionary[i] = String(i);
	let c: string;
	switch (readBits(2)) {
		case 0:
			c = String.fromCharCode(readBits(8));
			break;
		case 1:
			c = String.fromCharCode(readBits(16));
			break;
		default:
			return '';
	}
	dictionary[3] = c;
	let w = c;
	result.push(c);
	let size = 1;
	for (;;) {
		if (data.index > length) return '';
		let code = readBits(numBits);
		switch (code) {
			case 0:
				dictionary[dictSize++] = String.fromCharCode(readBits(8));
				code = dictSize - 1;
				enlargeIn--;
				break;
			case 1:
				dictionary[dictSize++] = String.fromCharCode(readBits(16));
				code = dictSize - 1;
				enlargeIn--;
				break;
			case 2:
				return result.join('');
		}
		if (enlargeIn === 0) {
			enlargeIn = 2 ** numBits;
			numBits++;
		}
		const known = code < dictSize && code > 2 ? dictionary[code] : undefined;
		if (known !== undefined) entry = known;
		else if (code === dictSize) entry = w + w.charAt(0);
		else return null;
		size += entry.length;
		dictChars += w.length + 1;
		// The dictionary holds about as many characters as the output: bound both.
		if (size > maxChars || dictChars > 2 * maxChars) return TOO_LARGE;
		result.push(entry);
		dictionary[dictSize++] = w + entry.charAt(0);
		enlargeIn--;
		w = entry;
		if (enlargeIn === 0) {
			enlargeIn = 2 ** numBits;
			numBits++;
		}
	}
}
