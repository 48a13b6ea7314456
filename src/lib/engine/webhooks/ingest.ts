/**
 * A webhook log's bytes, chunk by chunk, into a reader (issue 12: streaming, flat memory). Nothing
 * holds the file: NDJSON and JSON arrays are decoded as they arrive and cut at newlines (or array
 * elements); each line is matched against the shapes the log repeats (shape.ts: one regular
 * expression per shape, the line's kept values captured) and only a line no shape matches goes to
 * JSON.parse, which also words the error of a malformed line and teaches the next shape. Only a
 * document that is neither (one pretty-printed envelope) is kept whole and parsed at the end, as
 * before. Line numbers are 1-based and count every line of the file.
 */
import { readLine } from './lines';
import type { LogReader } from './parse';
import { ByteScanner, FALLBACK } from './scan';
import { MISS, Templates } from './shape';

export type Layout = 'ndjson' | 'array' | 'document';

/** How a reader of a file's second part starts: the layout, and for an array what comes next. */
export interface PartStart {
	layout: 'ndjson' | 'array';
	arrayState: 'element' | 'after';
}

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
	readonly templates = new Templates();
	private readonly decoder = new TextDecoder('utf-8');
	/** The NDJSON and array layouts' text decoder, across chunks (a character may be cut). */
	private readonly stream = new TextDecoder('utf-8', { ignoreBOM: true });
	layout: Layout | null = null;
	/** Bytes pushed so far. */
	bytes = 0;
	/** Before the layout is known: the head's bytes. */
	private head: Uint8Array = new Uint8Array(0);
	/** Text not yet consumed: an unfinished line or element. */
	private rest = '';
	/** Lines finished before `rest` starts. */
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

	/** Lines finished so far (a part read after this one numbers its lines from here). */
	get lines(): number {
		return this.line;
	}

	/**
	 * Reads a file from the middle on (its second part, in another worker): the layout is the one
	 * the first part found, and an array is entered between two elements.
	 */
	resume(start: PartStart): void {
		this.started = true;
		this.layout = start.layout;
		if (start.layout === 'array') this.arrayState = start.arrayState;
	}

	/**
	 * Where reading stands once the bytes stop at a cut: the state a reader of the rest must start
	 * in, or null when the cut falls inside a line or element (the rest must be read here).
	 */
	handOver(): PartStart | null {
		if (this.rest.length) return null;
		if (this.layout === 'ndjson') return { layout: 'ndjson', arrayState: 'element' };
		if (this.layout === 'array' && (this.arrayState === 'element' || this.arrayState === 'after'))
			return { layout: 'array', arrayState: this.arrayState };
		return null;
	}

	push(chunk: Uint8Array): void {
		this.bytes += chunk.length;
		if (!this.started) {
			this.started = true;
			if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
		}
		if (this.layout === null) {
			this.head = this.head.length ? concat(this.head, chunk) : chunk;
			const decided = this.decide(this.head, false);
			if (!decided) return;
			const head = this.head;
			this.head = new Uint8Array(0);
			this.feed(head);
			return;
		}
		this.feed(chunk);
	}

	end(): void {
		if (this.layout === null) {
			const head = this.head;
			this.head = new Uint8Array(0);
			this.decide(head, true);
			this.feed(head);
		}
		if (this.layout === 'ndjson') {
			this.feedLines(this.stream.decode());
			if (this.rest.length) this.lineOf(this.rest, 0, this.rest.length);
			this.rest = '';
		} else if (this.layout === 'array') {
			const text = this.rest + this.stream.decode();
			this.rest = '';
			if (text.length) this.arrayFrom(text, true);
			if (this.arrayState !== 'outside')
				this.reader.bad(this.line + 1, 'not JSON: the array is not closed (the file is cut short?)');
		} else this.endDocument();
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
		if (this.layout === 'ndjson') this.feedLines(this.stream.decode(chunk, { stream: true }));
		else if (this.layout === 'array') this.feedArray(this.stream.decode(chunk, { stream: true }));
		else this.whole.push(chunk);
	}

	// NDJSON: complete lines are read where they lie in the text; only a line cut by the chunk's
	// end is kept (and joined with the next chunk's first line).
	private feedLines(text: string): void {
		let start = 0;
		if (this.rest.length) {
			const nl = text.indexOf('\n');
			if (nl === -1) {
				this.rest += text;
				return;
			}
			const joined = this.rest + text.slice(0, nl);
			this.rest = '';
			this.lineOf(joined, 0, joined.length);
			start = nl + 1;
		}
		for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
			this.lineOf(text, start, nl);
			start = nl + 1;
		}
		if (start < text.length) this.rest = text.slice(start);
	}

	private lineOf(text: string, from: number, to: number): void {
		const line = ++this.line;
		if (to > from && text.charCodeAt(to - 1) === 13) to--;
		const v = this.templates.match(text, from);
		if (v !== MISS && this.templates.stop === to) {
			this.reader.add(v, line);
			return;
		}
		const s = text.slice(from, to);
		if (s.trim() === '') return;
		let value: unknown;
		try {
			value = JSON.parse(s);
		} catch (e) {
			this.reader.bad(line, `not JSON: ${(e as Error).message.slice(0, 80)}`);
			return;
		}
		this.templates.learn(s, 0, s.length);
		this.reader.add(value, line);
	}

	// A JSON array (or several, one after another), element by element.
	private feedArray(text: string): void {
		const buf = this.rest.length ? this.rest + text : text;
		this.rest = '';
		const used = this.arrayFrom(buf, false);
		if (used < buf.length) this.rest = buf.slice(used);
	}

	/** Reads what it can of `buf`; returns how many characters it consumed. */
	private arrayFrom(buf: string, last: boolean): number {
		let p = 0;
		const n = buf.length;
		for (;;) {
			// Whitespace between tokens (counting lines).
			while (p < n && isWs(buf.charCodeAt(p))) {
				if (buf.charCodeAt(p) === NL) this.line++;
				p++;
			}
			if (p >= n) return p;
			const c = buf.charCodeAt(p);
			if (this.arrayState === 'outside') {
				if (c !== 91) {
					// Something other than an array at the top level: read the rest line by line.
					this.reader.bad(this.line + 1, 'not JSON: expected "[" or the end of the file');
					const nl = buf.indexOf('\n', p);
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
			// An element: a known shape (an object or array: complete where the match ends)...
			const line = this.line + 1;
			const v = this.templates.match(buf, p);
			if (v !== MISS) {
				this.line += this.templates.newlines;
				p = this.templates.stop;
				this.reader.add(v, line);
				this.arrayState = 'after';
				continue;
			}
			// ...or found by brackets, then judged by JSON.parse.
			const end = elementEnd(buf, p);
			if (end === -1) {
				if (!last) return p; // cut by the chunk's end: wait for more
				this.slowElement(buf, p, n, line);
				return n;
			}
			this.slowElement(buf, p, end, line);
			for (let i = p; i < end; i++) if (buf.charCodeAt(i) === NL) this.line++;
			p = end;
			this.arrayState = 'after';
		}
	}

	private slowElement(buf: string, from: number, to: number, line: number): void {
		const text = buf.slice(from, to);
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (e) {
			this.reader.bad(line, `not JSON: ${(e as Error).message.slice(0, 80)}`);
			return;
		}
		this.templates.learn(text, 0, text.length);
		this.reader.add(value, line);
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
function elementEnd(buf: string, from: number): number {
	let depth = 0;
	let inString = false;
	for (let p = from; p < buf.length; p++) {
		const c = buf.charCodeAt(p);
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
