/**
 * A JSON reader over bytes that keeps only what a webhook log is read for (import speed, issue 12:
 * a million statuses are ~470 MB of envelopes, and JSON.parse builds every field of every envelope:
 * `messaging_product`, `metadata.display_phone_number`, message bodies…). It validates the whole
 * value as JSON.parse would, but builds only the keys LogReader looks at (KEPT) and skips the rest
 * without making strings. What it returns is fed to LogReader.add exactly like JSON.parse's result.
 *
 * Anything unusual — invalid JSON, a key or kept string with an escape or non-ASCII byte that a
 * short path cannot decode, very deep nesting — makes `scanValue` return FALLBACK, and the caller
 * parses that line the old way (TextDecoder + JSON.parse), which also words the error. So the fast
 * path only ever accepts what JSON.parse accepts, with the same values for the kept keys.
 */

/** The keys LogReader (parse.ts) reads, at any depth; every other key is validated and dropped. */
export const KEPT = [
	'entry',
	'changes',
	'value',
	'statuses',
	'messages',
	'metadata',
	'phone_number_id',
	'status',
	'id',
	'timestamp',
	'recipient_id',
	'pricing',
	'conversation',
	'from',
	'referral',
	'errors',
	'code',
	'billable',
	'pricing_model',
	'type',
	'category',
	'expiration_timestamp',
	'origin'
] as const;

/** Returned when the fast path gives up on a value: parse it with JSON.parse instead. */
export const FALLBACK: unique symbol = Symbol('fallback');
const SKIPPED = Symbol('skipped');

class GiveUp extends Error {}
const GIVE_UP = new GiveUp('fallback');

const MAX_DEPTH = 64;

// Keys by length and a hash of their bytes; a hit is confirmed byte by byte.
const keyBytes = KEPT.map((k) => Array.from(k, (c) => c.charCodeAt(0)));
const keyHash = (bytes: ArrayLike<number>, from: number, to: number): number => {
	let h = 0;
	for (let i = from; i < to; i++) h = (Math.imul(h, 31) + (bytes[i] as number)) | 0;
	return (h ^ (to - from)) | 0;
};
/** Open addressing over the key hashes: slot → KEPT index + 1 (0 empty). */
const KEY_SLOTS = 256;
const KEY_TABLE = new Uint8Array(KEY_SLOTS);
keyBytes.forEach((b, i) => {
	let slot = keyHash(b, 0, b.length) & (KEY_SLOTS - 1);
	while (KEY_TABLE[slot] !== 0) slot = (slot + 1) & (KEY_SLOTS - 1);
	KEY_TABLE[slot] = i + 1;
});

/** Strings that come back often (status values, categories, recipients) are made once. */
const CACHE_SLOTS = 1 << 14;

export class ByteScanner {
	private buf: Uint8Array = new Uint8Array(0);
	private pos = 0;
	private end = 0;
	private depth = 0;
	/** Line breaks stepped over between tokens by the last scan (values spanning lines). */
	newlines = 0;
	/** Where the last value scanned with scanPrefix ended. */
	stop = 0;
	/** A direct-mapped cache of recent strings: repeated values are made once, memory stays bounded. */
	private cache = new Array<string | undefined>(CACHE_SLOTS).fill(undefined);

	/**
	 * The value in bytes [from, to) (one NDJSON line or one array element), pruned to the KEPT keys;
	 * undefined for a blank line; FALLBACK when the line must be read the slow way.
	 */
	scanValue(buf: Uint8Array, from: number, to: number): unknown {
		this.buf = buf;
		this.pos = from;
		this.end = to;
		this.depth = 0;
		this.newlines = 0;
		try {
			this.ws();
			if (this.pos >= this.end) return undefined;
			const v = this.value(true);
			this.ws();
			if (this.pos !== this.end) return FALLBACK;
			return v;
		} catch {
			// Invalid JSON, an escape, a stack overflow: the slow path decides and words the error.
			return FALLBACK;
		}
	}

	/**
	 * One value starting at `from` (an element of a JSON array), pruned; `stop` is set to just after
	 * it. FALLBACK when it is not valid, needs the slow path, or runs past `to` (more bytes needed).
	 */
	scanPrefix(buf: Uint8Array, from: number, to: number): unknown {
		this.buf = buf;
		this.pos = from;
		this.end = to;
		this.depth = 0;
		this.newlines = 0;
		try {
			const v = this.value(true);
			this.stop = this.pos;
			return v;
		} catch {
			return FALLBACK;
		}
	}

	private ws(): void {
		const b = this.buf;
		let p = this.pos;
		const e = this.end;
		while (p < e) {
			const c = b[p] as number;
			if (c === 32 || c === 13 || c === 9) p++;
			else if (c === 10) {
				p++;
				this.newlines++;
			} else break;
		}
		this.pos = p;
	}

	private value(keep: boolean): unknown {
		if (this.pos >= this.end) throw GIVE_UP;
		const c = this.buf[this.pos] as number;
		if (c === 123) return this.object(keep);
		if (c === 91) return this.array(keep);
		if (c === 34) return keep ? this.keptString() : this.skipString();
		if (c === 116) return this.literal(0x74727565, true); // true
		if (c === 102) return this.literalFalse();
		if (c === 110) return this.literal(0x6e756c6c, null); // null
		return this.number(keep);
	}

	private literal(word: number, v: unknown): unknown {
		const b = this.buf;
		const p = this.pos;
		if (p + 4 > this.end) throw GIVE_UP;
		const w =
			(((b[p] as number) << 24) |
				((b[p + 1] as number) << 16) |
				((b[p + 2] as number) << 8) |
				(b[p + 3] as number)) >>>
			0;
		if (w !== word) throw GIVE_UP;
		this.pos = p + 4;
		return v;
	}

	private literalFalse(): false {
		const b = this.buf;
		const p = this.pos;
		if (p + 5 > this.end || b[p + 1] !== 97 || b[p + 2] !== 108 || b[p + 3] !== 115 || b[p + 4] !== 101)
			throw GIVE_UP;
		this.pos = p + 5;
		return false;
	}

	private number(keep: boolean): unknown {
		const b = this.buf;
		const e = this.end;
		const start = this.pos;
		let p = start;
		if (b[p] === 45) p++; // -
		if (p >= e) throw GIVE_UP;
		if (b[p] === 48) p++;
		else if ((b[p] as number) >= 49 && (b[p] as number) <= 57) {
			p++;
			while (p < e && (b[p] as number) >= 48 && (b[p] as number) <= 57) p++;
		} else throw GIVE_UP;
		if (p < e && b[p] === 46) {
			p++;
			const d = p;
			while (p < e && (b[p] as number) >= 48 && (b[p] as number) <= 57) p++;
			if (p === d) throw GIVE_UP;
		}
		if (p < e && (b[p] === 101 || b[p] === 69)) {
			p++;
			if (p < e && (b[p] === 43 || b[p] === 45)) p++;
			const d = p;
			while (p < e && (b[p] as number) >= 48 && (b[p] as number) <= 57) p++;
			if (p === d) throw GIVE_UP;
		}
		this.pos = p;
		if (!keep) return SKIPPED;
		let text = '';
		for (let i = start; i < p; i++) text += String.fromCharCode(b[i] as number);
		return Number(text);
	}

	/** A string not kept: validated (escapes, control characters) and stepped over. */
	private skipString(): symbol {
		const b = this.buf;
		const e = this.end;
		let p = this.pos + 1;
		for (;;) {
			if (p >= e) throw GIVE_UP;
			const c = b[p] as number;
			if (c === 34) break;
			if (c < 32) throw GIVE_UP;
			if (c === 92) {
				const n = b[p + 1];
				if (n === 117) {
					for (let k = 2; k < 6; k++) if (!isHex(b[p + k])) throw GIVE_UP;
					p += 6;
					continue;
				}
				if (
					n === 34 ||
					n === 92 ||
					n === 47 ||
					n === 98 ||
					n === 102 ||
					n === 110 ||
					n === 114 ||
					n === 116
				) {
					p += 2;
					continue;
				}
				throw GIVE_UP;
			}
			p++;
		}
		this.pos = p + 1;
		return SKIPPED;
	}

	/** A kept string: plain ASCII without escapes is built here (interned); anything else gives up. */
	private keptString(): string {
		const b = this.buf;
		const e = this.end;
		const start = this.pos + 1;
		let p = start;
		let h = 0;
		for (;;) {
			if (p >= e) throw GIVE_UP;
			const c = b[p] as number;
			if (c === 34) break;
			if (c < 32 || c === 92 || c >= 128) throw GIVE_UP;
			h = (Math.imul(h, 31) + c) | 0;
			p++;
		}
		this.pos = p + 1;
		return this.intern(start, p, h);
	}

	private intern(from: number, to: number, h: number): string {
		const b = this.buf;
		const len = to - from;
		const slot = (h ^ len) & (CACHE_SLOTS - 1);
		const cached = this.cache[slot];
		if (cached !== undefined && cached.length === len) {
			let same = true;
			for (let i = 0; i < len; i++)
				if (cached.charCodeAt(i) !== b[from + i]) {
					same = false;
					break;
				}
			if (same) return cached;
		}
		const s = String.fromCharCode.apply(null, b.subarray(from, to) as unknown as number[]);
		this.cache[slot] = s;
		return s;
	}

	/** Forgets the strings it keeps (between files). */
	reset(): void {
		this.cache.fill(undefined);
	}

	/** An object key: the index in KEPT, or -1 for a key that is dropped. */
	private key(): number {
		const b = this.buf;
		const e = this.end;
		if (b[this.pos] !== 34) throw GIVE_UP;
		const start = this.pos + 1;
		let p = start;
		let h = 0;
		for (;;) {
			if (p >= e) throw GIVE_UP;
			const c = b[p] as number;
			if (c === 34) break;
			// An escaped or non-ASCII key could spell a kept one: let JSON.parse read the line.
			if (c < 32 || c === 92 || c >= 128) throw GIVE_UP;
			h = (Math.imul(h, 31) + c) | 0;
			p++;
		}
		this.pos = p + 1;
		const len = p - start;
		for (let slot = (h ^ len) & (KEY_SLOTS - 1); ; slot = (slot + 1) & (KEY_SLOTS - 1)) {
			const k = (KEY_TABLE[slot] as number) - 1;
			if (k < 0) return -1;
			const want = keyBytes[k] as number[];
			if (want.length !== len) continue;
			let same = true;
			for (let i = 0; i < len; i++)
				if (want[i] !== b[start + i]) {
					same = false;
					break;
				}
			if (same) return k;
		}
	}

	private object(keep: boolean): unknown {
		if (++this.depth > MAX_DEPTH) throw GIVE_UP;
		this.pos++; // {
		const out: Record<string, unknown> | null = keep ? {} : null;
		this.ws();
		if (this.buf[this.pos] === 125) {
			this.pos++;
			this.depth--;
			return keep ? out : SKIPPED;
		}
		for (;;) {
			this.ws();
			const k = this.key();
			this.ws();
			if (this.buf[this.pos] !== 58) throw GIVE_UP; // :
			this.pos++;
			this.ws();
			const kept = keep && k >= 0;
			const v = this.value(kept);
			if (kept) put(out as Record<string, unknown>, k, v);
			this.ws();
			const c = this.buf[this.pos];
			this.pos++;
			if (c === 44) continue; // ,
			if (c === 125) break; // }
			throw GIVE_UP;
		}
		this.depth--;
		return keep ? out : SKIPPED;
	}

	private array(keep: boolean): unknown {
		if (++this.depth > MAX_DEPTH) throw GIVE_UP;
		this.pos++; // [
		const out: unknown[] | null = keep ? [] : null;
		this.ws();
		if (this.buf[this.pos] === 93) {
			this.pos++;
			this.depth--;
			return keep ? out : SKIPPED;
		}
		for (;;) {
			this.ws();
			const v = this.value(keep);
			if (keep) (out as unknown[]).push(v);
			this.ws();
			const c = this.buf[this.pos];
			this.pos++;
			if (c === 44) continue;
			if (c === 93) break;
			throw GIVE_UP;
		}
		this.depth--;
		return keep ? out : SKIPPED;
	}
}

function isHex(c: number | undefined): boolean {
	return c !== undefined && ((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102));
}

/** A kept key's value, stored under its literal name (a named store per key: faster than o[name]). */
export function put(o: Record<string, unknown>, k: number, v: unknown): void {
	switch (k) {
		case 0:
			o.entry = v;
			return;
		case 1:
			o.changes = v;
			return;
		case 2:
			o.value = v;
			return;
		case 3:
			o.statuses = v;
			return;
		case 4:
			o.messages = v;
			return;
		case 5:
			o.metadata = v;
			return;
		case 6:
			o.phone_number_id = v;
			return;
		case 7:
			o.status = v;
			return;
		case 8:
			o.id = v;
			return;
		case 9:
			o.timestamp = v;
			return;
		case 10:
			o.recipient_id = v;
			return;
		case 11:
			o.pricing = v;
			return;
		case 12:
			o.conversation = v;
			return;
		case 13:
			o.from = v;
			return;
		case 14:
			o.referral = v;
			return;
		case 15:
			o.errors = v;
			return;
		case 16:
			o.code = v;
			return;
		case 17:
			o.billable = v;
			return;
		case 18:
			o.pricing_model = v;
			return;
		case 19:
			o.type = v;
			return;
		case 20:
			o.category = v;
			return;
		case 21:
			o.expiration_timestamp = v;
			return;
		case 22:
			o.origin = v;
			return;
	}
}
