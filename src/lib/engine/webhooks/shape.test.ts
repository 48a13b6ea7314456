/**
 * The shapes a log repeats (shape.ts) read exactly what JSON.parse reads (issue 12 point 1): lines
 * of a learned shape with other values, other types, escapes, characters JSON forbids, a character
 * added or removed anywhere — each is read as JSON.parse reads it, or refused as JSON.parse refuses
 * it, with the same reason and line number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactLogReader } from './compact-log';
import { LogIngest } from './ingest';
import { readLine } from './lines';
import { MISS, Templates } from './shape';

const envelope = (status: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	object: 'whatsapp_business_account',
	entry: [
		{
			id: '102290129340398',
			changes: [
				{
					value: {
						messaging_product: 'whatsapp',
						metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242923' },
						statuses: [status],
						...extra
					},
					field: 'messages'
				}
			]
		}
	]
});
const status = (i: number) => ({
	id: `wamid.gen${i}`,
	status: ['sent', 'delivered', 'read'][i % 3],
	timestamp: String(1759831524 + i),
	recipient_id: `91981${1000000 + (i % 50)}`,
	pricing: { billable: i % 2 === 0, pricing_model: 'PMP', type: 'regular', category: 'utility' }
});
const base = (i: number) => JSON.stringify(envelope(status(i)));

/** What one reader makes of the lines: the reference reads each with JSON.parse, as before. */
function read(lines: string[], how: 'reference' | 'ndjson' | 'array') {
	const reader = new CompactLogReader();
	if (how === 'reference') lines.forEach((l, i) => readLine(reader, l, i + 1));
	else {
		const ingest = new LogIngest(reader);
		const text = how === 'ndjson' ? lines.join('\n') : `[${lines.join(',\n')}]`;
		ingest.push(new TextEncoder().encode(text));
		ingest.end();
	}
	const m = reader.messages();
	return {
		statuses: reader.statusCount,
		recognised: reader.recognised,
		log: reader.log,
		ids: m.ids,
		sentAt: [...m.sentAt.slice(0, m.count)],
		category: [...m.category.slice(0, m.count)],
		billed: [...m.billed.slice(0, m.count)],
		seen: [...m.seen.slice(0, m.count)],
		recipients: reader.recipients.list,
		phones: reader.phones.list,
		inbound: reader.inboundTotal
	};
}

/** A line of the learned shape, changed: a value replaced, or one character added or removed. */
const changed = fc.oneof(
	fc
		.tuple(
			fc.nat(40),
			fc.constantFrom(
				'id',
				'status',
				'timestamp',
				'recipient_id',
				'phone_number_id',
				'category',
				'billable',
				'messaging_product'
			),
			fc.oneof(
				fc.jsonValue({ maxDepth: 2 }),
				fc.string({ unit: 'grapheme' }),
				fc.constantFrom('a\\"b', 'tab\there', 'nl\nx', 'é', '\u2028', '\\u0041', '')
			)
		)
		.map(([i, key, v]) =>
			base(i).replace(new RegExp(`"${key}":("[^"]*"|true|false)`), `"${key}":${JSON.stringify(v) ?? 'null'}`)
		),
	fc
		.tuple(
			fc.nat(40),
			fc.nat(),
			fc.constantFrom('', ' ', '"', '\\', ',', '0', '-', '{', '}', '\t', 'x', '\u0001')
		)
		.map(([i, at, c]) => {
			const t = base(i);
			const p = at % t.length;
			return c === '' ? t.slice(0, p) + t.slice(p + 1) : t.slice(0, p) + c + t.slice(p);
		}),
	fc.nat(40).map((i) => `  ${base(i)} `),
	fc.nat(40).map((i) => JSON.stringify(envelope({ ...status(i), conversation: { id: `c${i}` } })))
);

describe('shapes', () => {
	it('a matched line gives the kept values JSON.parse gives; anything else is a miss', () => {
		const t = new Templates();
		const line = base(1);
		t.learn(line, 0, line.length);
		const v = t.match(base(2), 0) as { entry: { changes: { value: unknown }[] }[] };
		expect(v).toEqual({
			entry: [
				{
					id: '102290129340398',
					changes: [
						{
							value: {
								metadata: { phone_number_id: '106540352242923' },
								statuses: [status(2)]
							}
						}
					]
				}
			]
		});
		expect(t.stop).toBe(base(2).length);
		expect(t.match(base(2).replace('"read"', '"re\\u0061d"'), 0)).toBe(MISS);
		expect(t.match(base(2).replace('"PMP"', '"P\tMP"'), 0)).toBe(MISS);
		expect(t.match(base(2).replace('"messaging_product":"whatsapp"', '"messaging_product":{}'), 0)).toBe(
			MISS
		);
		expect(t.match(`x${base(2)}`, 0)).toBe(MISS);
	});

	it('a run of lines of new shapes, then lines of one shape: read as JSON.parse reads them', () => {
		const unique = Array.from({ length: 600 }, (_, i) =>
			JSON.stringify({ ...status(i), [`extra${i}`]: i, id: `u${i}` })
		);
		const all = [...unique, ...Array.from({ length: 5000 }, (_, i) => base(i)), ...unique.slice(0, 300)];
		expect(read(all, 'ndjson')).toEqual(read(all, 'reference'));
	});

	it('lines of a learned shape, changed anywhere, read as JSON.parse reads them', () =>
		fc.assert(
			fc.property(
				fc.array(fc.oneof(fc.nat(40).map(base), changed), { minLength: 1, maxLength: 30 }),
				(lines) => {
					const all = [base(0), ...lines];
					expect(read(all, 'ndjson')).toEqual(read(all, 'reference'));
					// The same values as elements of one array (the valid ones: an array's errors differ).
					const valid = all.filter((l) => {
						try {
							JSON.parse(l);
							return !l.includes('\n');
						} catch {
							return false;
						}
					});
					expect(read(valid, 'array')).toEqual(read(valid, 'reference'));
				}
			),
			{ numRuns: 500 }
		));
});
