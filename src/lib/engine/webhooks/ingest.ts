/**
 * A webhook log's bytes, chunk by chunk, into a reader (issue 12: streaming, flat memory). Nothing
 * holds the file: NDJSON is cut at newline bytes and each line read by the byte scanner (scan.ts);
 * a JSON array is read element by element as the bytes arrive; only a document that is neither
 * (one pretty-printed envelope) is kept whole and parsed at the end, as before. Lines and elements
 * the fast path cannot take are decoded and given to JSON.parse (the old path), which also words
 * the error of a malformed line. Line numbers are 1-based and count every line of the file.
 */
import { readLine } from './lines';
import type { LogReader } from './parse';
import { ByteScanner, FALLBACK } from './scan';

export type Layout = 'ndjson' | 'array' | 'document';

/** Bytes read before deciding the layout when the first line has not ended (as the old reader did). */
export const HEAD_BYTES = 1 << 20;

const NL = 10;

const isWs = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	const out = new Uint8Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}

export class LogIngest {
	readonly scanner = new ByteScanner();
	private readonly decoder = new TextDecoder('utf-8');
	layout: Layout | null = null;
	/** Bytes pushed so far. */
	bytes = 0;
	/** Bytes not yet consumed: an unfinished line or element (or, before the layout is known, the head). */
	private carry: Uint8Array = new Uint8Array(0);
	/** Lines finished before `carry` starts. */
	private line = 0;
	private started = false;
	/** Array layout: inside the top-level array, and whether an element or the end comes next. */
	private arrayState: 'outside' | 'first' | 'element' | 'after' = 'outside';
	/** The document layout's bytes (kept whole). */
	private whole: Uint8Array[] = [];
	/** The document layout's parsed value, when it parsed (the import checks it for an analytics export). */
	documentValue: unknown = undefined;
	/** Nothing but whitespace (or nothing at all) in the file. */
	empty = false;

	constructor(readonly reader: LogReader) {}

	push(chunk: Uint8Array): void {
		this.bytes += chunk.length;
		if (!this.started) {
			this.started = true;
			if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
		}
		if (this.layout === null) {
			this.carry = this.carry.length ? concat(this.carry, chunk) : chunk;
			const decided = this.decide(this.carry, false);
			if (!decided) return;
			const head = this.carry;
			this.carry = new Uint8Array(0);
			this.feed(head);
			return;
		}
		this.feed(chunk);
	}

	end(): void {
		if (this.layout === null) {
			const head = this.carry;
			this.carry = new Uint8Array(0);
			this.decide(head, true);
			this.feed(head);
		}
		if (this.layout === 'ndjson') {
			if (this.carry.length) this.lineOf(this.carry, 0, this.carry.length);
			this.carry = new Uint8Array(0);
		} else if (this.layout === 'array') this.endArray();
		else this.endDocument();
	}

	/** NDJSON when the first non-blank line is a JSON value; else an array or a whole document. */
	private decide(head: Uint8Array, complete: boolean): boolean {
		let p = 0;
		while (p < head.length && isWs(head[p] as number)) p++;
		if (p === head.length) {
			if (!complete) return false;
			this.layout = 'ndjson';
			this.empty = true;
			return true;
		}
		const lineStart = head.lastIndexOf(NL, p) + 1;
		let nl = head.indexOf(NL, p);
		if (nl === -1 && !complete) {
			if (head.length < HEAD_BYTES) return false;
			this.layout = head[p] === 91 ? 'array' : 'document';
			return true;
		}
		if (nl === -1) nl = head.length;
		let parses = this.scanner.scanValue(head, lineStart, nl) !== FALLBACK;
		if (!parses)
			try {
				JSON.parse(this.decoder.decode(head.subarray(lineStart, nl)));
				parses = true;
			} catch {
				parses = false;
			}
		this.layout = parses ? 'ndjson' : head[p] === 91 ? 'array' : 'document';
		return true;
	}

	private feed(chunk: Uint8Array): void {
		if (this.layout === 'ndjson') this.feedLines(chunk);
		else if (this.layout === 'array') this.feedArray(chunk);
		else this.whole.push(chunk);
	}

	// NDJSON: complete lines are read where they lie in the chunk; only a line cut by the chunk's
	// end is copied (and joined with the next chunk's first line).
	private feedLines(chunk: Uint8Array): void {
		let start = 0;
		if (this.carry.length) {
			const nl = chunk.indexOf(NL);
			if (nl === -1) {
				this.carry = concat(this.carry, chunk);
				return;
			}
			const joined = concat(this.carry, chunk.subarray(0, nl));
			this.lineOf(joined, 0, joined.length);
			this.carry = new Uint8Array(0);
			start = nl + 1;
		}
		for (let nl = chunk.indexOf(NL, start); nl !== -1; nl = chunk.indexOf(NL, start)) {
			this.lineOf(chunk, start, nl);
			start = nl + 1;
		}
		if (start < chunk.length) this.carry = chunk.slice(start);
	}

	private lineOf(buf: Uint8Array, from: number, to: number): void {
		const line = ++this.line;
		const v = this.scanner.scanValue(buf, from, to);
		if (v === undefined) return;
		if (v !== FALLBACK) {
			this.reader.add(v, line);
			return;
		}
		let text = this.decoder.decode(buf.subarray(from, to));
		if (text.endsWith('\r')) text = text.slice(0, -1);
		readLine(this.reader, text, line);
	}

	// A JSON array (or several, one after another), element by element.
	private feedArray(chunk: Uint8Array): void {
		const buf = this.carry.length ? concat(this.carry, chunk) : chunk;
		this.carry = new Uint8Array(0);
		const used = this.arrayFrom(buf, false);
		if (used < buf.length) this.carry = buf.slice(used);
	}

	/** Reads what it can of `buf`; returns how many bytes it consumed. */
	private arrayFrom(buf: Uint8Array, last: boolean): number {
		let p = 0;
		const n = buf.length;
		for (;;) {
			// Whitespace between tokens (counting lines).
			while (p < n && isWs(buf[p] as number)) {
				if (buf[p] === NL) this.line++;
				p++;
			}
			if (p >= n) return p;
			const c = buf[p] as number;
			if (this.arrayState === 'outside') {
				if (c !== 91) {
					// Something other than an array at the top level: read the rest line by line.
					this.reader.bad(this.line + 1, 'not JSON: expected "[" or the end of the file');
					const nl = buf.indexOf(NL, p);
					if (nl === -1) return last ? n : p;
					this.line++;
					p = nl + 1;
					continue;
				}
				this.arrayState = 'first';
				p++;
				continue;
			}
			if (this.arrayState === 'after') {
				if (c === 44) this.arrayState = 'element';
				else if (c === 93) this.arrayState = 'outside';
				else {
					this.reader.bad(this.line + 1, 'not JSON: expected "," or "]" between elements');
					this.arrayState = 'element';
					continue;
				}
				p++;
				continue;
			}
			if (c === 93 && this.arrayState === 'first') {
				this.arrayState = 'outside';
				p++;
				continue;
			}
			// An element.
			const line = this.line + 1;
			const v = this.scanner.scanPrefix(buf, p, n);
			// A value that runs to the end of the bytes may be cut short (a number): wait for more.
			if (v !== FALLBACK && this.scanner.stop === n && !last) return p;
			if (v !== FALLBACK) {
				this.line += this.scanner.newlines;
				p = this.scanner.stop;
				this.reader.add(v, line);
				this.arrayState = 'after';
				continue;
			}
			// Not read by the fast path: find where the element ends, then let JSON.parse judge it.
			const end = elementEnd(buf, p);
			if (end === -1) {
				if (!last) return p; // cut by the chunk's end: wait for more bytes
				this.slowElement(buf, p, n, line);
				return n;
			}
			this.slowElement(buf, p, end, line);
			for (let i = p; i < end; i++) if (buf[i] === NL) this.line++;
			p = end;
			this.arrayState = 'after';
		}
	}

	private slowElement(buf: Uint8Array, from: number, to: number, line: number): void {
		const text = this.decoder.decode(buf.subarray(from, to));
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (e) {
			this.reader.bad(line, `not JSON: ${(e as Error).message.slice(0, 80)}`);
			return;
		}
		this.reader.add(value, line);
	}

	private endArray(): void {
		if (this.carry.length) this.arrayFrom(this.carry, true);
		this.carry = new Uint8Array(0);
		if (this.arrayState !== 'outside')
			this.reader.bad(this.line + 1, 'not JSON: the array is not closed (the file is cut short?)');
	}

	// One document (a pretty-printed envelope): parsed whole at the end, or read as lines if it is not JSON.
	private endDocument(): void {
		const size = this.whole.reduce((s, c) => s + c.length, 0);
		const all = new Uint8Array(size);
		let o = 0;
		for (const c of this.whole) {
			all.set(c, o);
			o += c.length;
		}
		this.whole = [];
		const text = this.decoder.decode(all);
		try {
			this.documentValue = JSON.parse(text);
		} catch {
			this.documentValue = undefined;
		}
		if (this.documentValue !== undefined) {
			this.reader.add(this.documentValue, 1);
			return;
		}
		let line = 0;
		for (const l of text.split('\n')) readLine(this.reader, l.endsWith('\r') ? l.slice(0, -1) : l, ++line);
	}
}

/**
 * Where a JSON value starting at `from` ends (just after it), by brackets and strings alone; -1 when
 * the bytes run out first. Used only for elements the fast path did not read.
 */
function elementEnd(buf: Uint8Array, from: number): number {
	let depth = 0;
	let inString = false;
	for (let p = from; p < buf.length; p++) {
		const c = buf[p] as number;
		if (inString) {
			if (c === 92) p++;
			else if (c === 34) inString = false;
			continue;
		}
		if (c === 34) inString = true;
		else if (c === 123 || c === 91) depth++;
		else if (c === 125 || c === 93) {
			if (depth === 0) return p; // the enclosing array's "]"
			depth--;
			if (depth === 0) return p + 1;
		} else if (c === 44 && depth === 0) return p;
	}
	return -1;
}
