/**
 * The shapes a webhook log repeats, learned once and matched with one regular expression per line
 * (import speed, issue 12). Every status envelope of a log has the same keys in the same order and
 * differs only in its scalar values (ids, timestamps, categories), so a line that JSON.parse has
 * accepted becomes a template: its structure and keys are literal text, each scalar a hole that
 * matches a JSON scalar of the same kind (a string; or a number, true, false or null), and the holes
 * under a KEPT key (scan.ts) capture their value. A later line the template matches is therefore valid JSON of the
 * same structure, and its pruned value — what the byte scanner would return — is filled straight
 * from the captures into objects made once per template (LogReader reads a value and keeps none of
 * it, so nothing is allocated per line but the match). The regular expression engine compares the
 * literal parts natively, which is many times faster than walking the bytes in JavaScript.
 *
 * A kept string with an escape, another kind of scalar or anything nested where the template has
 * a scalar, other whitespace or another key order: the template does not match, and the caller takes the slow path
 * (JSON.parse), which also words the error of a malformed line.
 */
import { KEPT, put } from './scan';

/** Returned when no template matches. */
export const MISS: unique symbol = Symbol('miss');

const KEY_INDEX = new Map<string, number>(KEPT.map((k, i) => [k, i]));

// A hole matches a scalar of the kind the learned line had there (a string, or a literal or
// number): one alternative is quicker to match than all, and a line with another kind there
// teaches its own template.
const NUMBER = String.raw`-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?`;
const LITERAL = String.raw`true|false|null|${NUMBER}`;
/** A kept string, without escapes (captured as it is). */
const KEPT_STRING = String.raw`"([^"\\\x00-\x1f]*)"`;
const KEPT_LITERAL = `(${LITERAL})`;
/** A string that is only validated (escapes allowed, as JSON has them). */
const SKIPPED_STRING = String.raw`"[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*"`;
const SKIPPED_LITERAL = `(?:${LITERAL})`;

/** Lines longer than this, or with more holes or nesting, are not learned. */
const MAX_LENGTH = 8192;
const MAX_HOLES = 128;
const MAX_DEPTH = 32;
/**
 * Templates kept at once, most recently matched first: a log of statuses and inbound messages of
 * several types has a dozen shapes or more, and a template that does not match fails within a few
 * characters.
 */
const MAX_TEMPLATES = 24;
/** Templates learned freely at first; after that one per this many matches (a log of ever new shapes). */
const FREE_LEARNS = 32;
const MATCHES_PER_LEARN = 1000;
/**
 * After this many lines in a row that no template matched, the next SKIP_LINES are not tried (a
 * log whose lines all differ in shape goes straight to JSON.parse, as fast as before templates).
 */
const MISSES_BEFORE_SKIP = 256;
const SKIP_LINES = 4096;

const OBJECT = 0;
const ARRAY = 1;
const HOLE = 2;

type Shape =
	| { kind: typeof OBJECT; keys: number[]; kids: Shape[] }
	| { kind: typeof ARRAY; kids: Shape[] }
	| { kind: typeof HOLE; group: number; string: boolean };

interface Template {
	re: RegExp;
	/** The value a match gives: one object tree per template, refilled by each match. */
	skeleton: Skeleton;
	/** Line breaks inside the template's literal text (holes have none). */
	newlines: number;
}

const isWs = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

class GiveUp extends Error {}

/** Reads a valid JSON value's text into a template (undefined when it is too large or unusual). */
class Learner {
	private p: number;
	private lit = '';
	private source = '';
	private groups = 0;
	private holes = 0;
	private depth = 0;
	private newlines = 0;

	constructor(
		private readonly text: string,
		from: number,
		private readonly to: number
	) {
		this.p = from;
	}

	template(): Template | undefined {
		try {
			this.ws();
			const c = this.text.charCodeAt(this.p);
			if (c !== 123 && c !== 91) return undefined; // only objects and arrays: their end is their own
			const shape = this.value(true) as Shape;
			this.ws();
			if (this.p !== this.to) return undefined;
			this.flush();
			return { re: new RegExp(this.source, 'y'), skeleton: new Skeleton(shape), newlines: this.newlines };
		} catch (e) {
			if (e instanceof GiveUp || e instanceof SyntaxError || e instanceof RangeError) return undefined;
			throw e;
		}
	}

	private ws(): void {
		const start = this.p;
		while (this.p < this.to && isWs(this.text.charCodeAt(this.p))) {
			if (this.text.charCodeAt(this.p) === 10) this.newlines++;
			this.p++;
		}
		this.lit += this.text.slice(start, this.p);
	}

	private flush(): void {
		this.source += escapeRe(this.lit);
		this.lit = '';
	}

	private hole(keep: boolean): Shape | null {
		if (++this.holes > MAX_HOLES) throw new GiveUp();
		this.flush();
		const string = this.text.charCodeAt(this.p) === 34;
		this.skipScalar();
		if (!keep) {
			this.source += string ? SKIPPED_STRING : SKIPPED_LITERAL;
			return null;
		}
		this.source += string ? KEPT_STRING : KEPT_LITERAL;
		return { kind: HOLE, group: ++this.groups, string };
	}

	/** Steps over a scalar (the text is valid JSON: only its end is looked for). */
	private skipScalar(): void {
		const t = this.text;
		if (t.charCodeAt(this.p) === 34) {
			let p = this.p + 1;
			for (;;) {
				const c = t.charCodeAt(p);
				if (c === 92) p += 2;
				else if (c === 34) break;
				else if (p >= this.to) throw new GiveUp();
				else p++;
			}
			this.p = p + 1;
			return;
		}
		let p = this.p;
		while (p < this.to) {
			const c = t.charCodeAt(p);
			if (c === 44 || c === 125 || c === 93 || isWs(c)) break;
			p++;
		}
		if (p === this.p) throw new GiveUp();
		this.p = p;
	}

	private value(keep: boolean): Shape | null {
		const c = this.text.charCodeAt(this.p);
		if (c === 123) return this.object(keep);
		if (c === 91) return this.array(keep);
		return this.hole(keep);
	}

	private object(keep: boolean): Shape | null {
		if (++this.depth > MAX_DEPTH) throw new GiveUp();
		const t = this.text;
		const keys: number[] = [];
		const kids: Shape[] = [];
		this.lit += '{';
		this.p++;
		this.ws();
		if (t.charCodeAt(this.p) !== 125)
			for (;;) {
				this.ws();
				// A key: literal text. An escaped key could spell a kept one: not learned.
				const end = t.indexOf('"', this.p + 1);
				if (t.charCodeAt(this.p) !== 34 || end === -1 || end >= this.to) throw new GiveUp();
				const name = t.slice(this.p + 1, end);
				if (name.includes('\\')) throw new GiveUp();
				this.lit += t.slice(this.p, end + 1);
				this.p = end + 1;
				this.ws();
				if (t.charCodeAt(this.p) !== 58) throw new GiveUp();
				this.lit += ':';
				this.p++;
				this.ws();
				const k = keep ? (KEY_INDEX.get(name) ?? -1) : -1;
				const kid = this.value(k >= 0);
				if (kid) {
					keys.push(k);
					kids.push(kid);
				}
				this.ws();
				const c = t.charCodeAt(this.p);
				this.lit += t[this.p];
				this.p++;
				if (c === 125) break;
				if (c !== 44) throw new GiveUp();
			}
		else {
			this.lit += '}';
			this.p++;
		}
		this.depth--;
		return keep ? { kind: OBJECT, keys, kids } : null;
	}

	private array(keep: boolean): Shape | null {
		if (++this.depth > MAX_DEPTH) throw new GiveUp();
		const t = this.text;
		const kids: Shape[] = [];
		this.lit += '[';
		this.p++;
		this.ws();
		if (t.charCodeAt(this.p) !== 93)
			for (;;) {
				this.ws();
				const kid = this.value(keep);
				if (kid) kids.push(kid);
				this.ws();
				const c = t.charCodeAt(this.p);
				this.lit += t[this.p];
				this.p++;
				if (c === 93) break;
				if (c !== 44) throw new GiveUp();
			}
		else {
			this.lit += ']';
			this.p++;
		}
		this.depth--;
		return keep ? { kind: ARRAY, kids } : null;
	}
}

/**
 * A template's value, made once: its objects and arrays, with every kept hole listed as a place to
 * fill (object and KEPT key, or array and index) and the capture group it is filled from.
 */
class Skeleton {
	readonly targets: (Record<string, unknown> | unknown[])[] = [];
	/** KEPT index for an object, -1 for an array. */
	readonly keys: number[] = [];
	readonly indexes: number[] = [];
	readonly groups: number[] = [];
	/** Whether a hole is a string (else a literal or number, converted). */
	readonly strings: boolean[] = [];
	readonly value: unknown;

	constructor(shape: Shape) {
		this.value = this.make(shape);
	}

	private make(s: Shape): unknown {
		if (s.kind === OBJECT) {
			const o: Record<string, unknown> = {};
			// A repeated key would be filled out of order: such lines are not learned.
			if (new Set(s.keys).size !== s.keys.length) throw new GiveUp();
			s.keys.forEach((k, i) => {
				const kid = s.kids[i] as Shape;
				if (kid.kind === HOLE) {
					put(o, k, null);
					this.place(o, k, 0, kid);
				} else put(o, k, this.make(kid));
			});
			return o;
		}
		if (s.kind === ARRAY) {
			const a: unknown[] = [];
			s.kids.forEach((kid, i) => {
				if (kid.kind === HOLE) {
					a.push(null);
					this.place(a, -1, i, kid);
				} else a.push(this.make(kid));
			});
			return a;
		}
		throw new GiveUp();
	}

	private place(
		target: Record<string, unknown> | unknown[],
		key: number,
		index: number,
		hole: { group: number; string: boolean }
	) {
		this.targets.push(target);
		this.keys.push(key);
		this.indexes.push(index);
		this.groups.push(hole.group);
		this.strings.push(hole.string);
	}

	/** The value with the holes of match `m`. */
	fill(m: RegExpExecArray): unknown {
		const { targets, keys, indexes, groups, strings } = this;
		for (let i = 0; i < groups.length; i++) {
			const raw = m[groups[i] as number] as string;
			const v = strings[i]
				? raw
				: raw === 'true'
					? true
					: raw === 'false'
						? false
						: raw === 'null'
							? null
							: Number(raw);
			const k = keys[i] as number;
			if (k >= 0) put(targets[i] as Record<string, unknown>, k, v);
			else (targets[i] as unknown[])[indexes[i] as number] = v;
		}
		return this.value;
	}
}

export class Templates {
	private list: Template[] = [];
	private learned = 0;
	private matchesSinceLearn = 0;
	private missesInARow = 0;
	private skip = 0;
	/** Where the last match ended, and the line breaks inside it. */
	stop = 0;
	newlines = 0;

	/**
	 * The pruned value of the JSON value that starts at `from`, when a template matches it: the same
	 * objects each time for a template, refilled, so read it before the next match and keep none of it.
	 */
	match(text: string, from: number): unknown {
		if (this.skip > 0) {
			this.skip--;
			return MISS;
		}
		const list = this.list;
		for (let i = 0; i < list.length; i++) {
			const t = list[i] as Template;
			t.re.lastIndex = from;
			const m = t.re.exec(text);
			if (m === null) continue;
			this.stop = t.re.lastIndex;
			this.newlines = t.newlines;
			this.matchesSinceLearn++;
			this.missesInARow = 0;
			if (i > 0) {
				list.splice(i, 1);
				list.unshift(t);
			}
			return t.skeleton.fill(m);
		}
		if (list.length && ++this.missesInARow >= MISSES_BEFORE_SKIP) {
			this.missesInARow = 0;
			this.skip = SKIP_LINES;
		}
		return MISS;
	}

	/** Learns the shape of text [from, to), which JSON.parse has just accepted. */
	learn(text: string, from: number, to: number): void {
		if (to - from > MAX_LENGTH) return;
		if (this.learned >= FREE_LEARNS && this.matchesSinceLearn < MATCHES_PER_LEARN) return;
		const t = new Learner(text, from, to).template();
		if (!t) return;
		this.learned++;
		this.matchesSinceLearn = 0;
		this.list.unshift(t);
		if (this.list.length > MAX_TEMPLATES) this.list.pop();
	}
}
