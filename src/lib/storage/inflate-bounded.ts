/**
 * Raw DEFLATE decompression with a limit on the output (the s2 share link, share-link.ts): deflate
 * expands at most ~1,032 times, so a 2 MB link could otherwise grow to 2 GB and crash the tab
 * before any size check after it ran. The input is fed in slices that cannot expand past the room
 * left, and the output counted as it comes, so decompression stops at the limit (within a
 * kilobyte's worth of input). Large slices while the room is large: each slice costs a copy of the
 * 32 KB window, and 1 KB slices made a 76 KB link ten times slower to read.
 */
import { Inflate } from 'fflate';

/** Too large: the output would pass the limit. */
export const INFLATE_TOO_LARGE = Symbol('too large');

/** DEFLATE's largest expansion: a 258-byte match in 2 bits. */
const MAX_RATIO = 1032;
/** The smallest slice: it expands to at most ~1 MB, the most the limit is overshot before it is seen. */
const MIN_SLICE = 1024;

/**
 * The decompressed bytes; null for a damaged or cut stream (fflate's errors are caught here, never
 * thrown on); INFLATE_TOO_LARGE as soon as the output passes `maxBytes`.
 */
export function inflateRawBounded(
	input: Uint8Array,
	maxBytes: number
): Uint8Array | null | typeof INFLATE_TOO_LARGE {
	if (input.length === 0) return null;
	const chunks: Uint8Array[] = [];
	let size = 0;
	let ended = false;
	const inflater = new Inflate((chunk, final) => {
		size += chunk.length;
		if (size <= maxBytes) chunks.push(chunk);
		if (final) ended = true;
	});
	try {
		for (let at = 0; at < input.length;) {
			const slice = Math.max(MIN_SLICE, Math.floor((maxBytes - size) / MAX_RATIO));
			const end = Math.min(at + slice, input.length);
			inflater.push(input.subarray(at, end), end === input.length);
			if (size > maxBytes) return INFLATE_TOO_LARGE;
			at = end;
		}
	} catch {
		return null;
	}
	if (!ended) return null;
	if (chunks.length === 1) return chunks[0] as Uint8Array;
	const out = new Uint8Array(size);
	let o = 0;
	for (const c of chunks) {
		out.set(c, o);
		o += c.length;
	}
	return out;
}
