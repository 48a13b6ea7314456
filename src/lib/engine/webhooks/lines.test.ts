/** The log-import worker's line splitting and layout detection (pure). */
import { describe, expect, it } from 'vitest';
import { detectLayout, LineSplitter, readLine } from './lines';
import { LogReader } from './parse';

function split(chunks: string[]): [string, number][] {
	const out: [string, number][] = [];
	const s = new LineSplitter();
	const emit = (t: string, n: number) => out.push([t, n]);
	for (const c of chunks) s.push(c, emit);
	s.end(emit);
	return out;
}

describe('LineSplitter', () => {
	it('joins lines cut across chunks and numbers them from 1', () => {
		expect(split(['{"a":', '1}\n{"b"', ':2}\n', '{"c":3}'])).toEqual([
			['{"a":1}', 1],
			['{"b":2}', 2],
			['{"c":3}', 3]
		]);
	});
	it('handles CRLF (also split between chunks), blank lines and a leading BOM', () => {
		expect(split(['\uFEFFx\r', '\n\r\ny\r\n'])).toEqual([
			['x', 1],
			['', 2],
			['y', 3]
		]);
	});
	it('emits nothing for an empty file and no phantom line after a final newline', () => {
		expect(split([''])).toEqual([]);
		expect(split(['a\n'])).toEqual([['a', 1]]);
	});
	it('gives the same lines whatever the chunk size', () => {
		const text = Array.from({ length: 50 }, (_, i) => `{"i":${i}}`).join('\r\n');
		const whole = split([text]);
		for (const size of [1, 3, 7, 64]) {
			const chunks: string[] = [];
			for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
			expect(split(chunks)).toEqual(whole);
		}
	});
});

describe('detectLayout', () => {
	it('reads NDJSON when the first complete line parses on its own', () => {
		expect(detectLayout('\n{"statuses":[]}\n{"x"', false)).toBe('ndjson');
		expect(detectLayout('{"entry":[]}', true)).toBe('ndjson');
	});
	it('reads one document for arrays, pretty-printed objects and a first line longer than the slice', () => {
		expect(detectLayout('[\n  {"entry": []}\n]', true)).toBe('document');
		expect(detectLayout('{\n\t"object": "whatsapp_business_account",', false)).toBe('document');
		expect(detectLayout('{"entry": [{"id": "1", "changes": [', false)).toBe('document');
	});
});

describe('readLine', () => {
	it('skips blank lines and lists bad JSON with its line number', () => {
		const r = new LogReader();
		readLine(r, '   ', 1);
		readLine(r, '{"entry": [', 2);
		readLine(
			r,
			'{"statuses": [{"id": "w1", "status": "sent", "timestamp": "1750030073", "recipient_id": "1650"}]}',
			3
		);
		expect(r.log.malformed).toEqual([{ line: 2, reason: expect.stringMatching(/^not JSON/) }]);
		expect(r.log.statuses).toHaveLength(1);
	});
});
