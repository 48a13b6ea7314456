/**
 * A large log read in two halves (issue 12 point 1: the second half in another worker, merged into
 * the first's compact reader) gives exactly what one reader gives: the same statuses, duplicates,
 * malformed lines with their numbers, and the same reconciliation — and when the halves cannot be
 * joined exactly (a cut inside a pretty-printed element, a status in both halves) the first reader
 * reads on by itself.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateWebhookLog } from '../../../../tests/fixtures/webhooks/generate-log';
import { reconcileCompact } from './bulk-reconcile';
import { CompactLogReader } from './compact-log';
import { Cancelled, readLog, readLogSplit, readPart, type PartReader } from './import-job';

const hooks = { progress: () => {}, cancelled: () => false };

/** The second half read in this process, as the helper worker would. */
const inProcess: PartReader = (file, start, progress) => {
	let cancelled = false;
	const result = readPart(file.stream(), start, { progress, cancelled: () => cancelled });
	result.catch(() => undefined);
	return { result, cancel: () => (cancelled = true) };
};

const blob = (text: string) => new Blob([text]);

/** What a reader holds, recipients by number (which may differ after a merge) as their numbers. */
function everything(reader: CompactLogReader) {
	const m = reader.messages();
	const inbound = reader.inboundMessages();
	const who = (r: number) => reader.recipients.list[r];
	return {
		statuses: reader.statusCount,
		recognised: reader.recognised,
		log: reader.log,
		messages: {
			ids: m.ids.slice(0, m.count),
			sentAt: [...m.sentAt.slice(0, m.count)],
			recipient: [...m.recipient.slice(0, m.count)].map(who),
			phone: [...m.phone.slice(0, m.count)],
			category: [...m.category.slice(0, m.count)],
			model: [...m.model.slice(0, m.count)],
			billed: [...m.billed.slice(0, m.count)],
			conversation: [...m.conversation.slice(0, m.count)],
			seen: [...m.seen.slice(0, m.count)],
			errorCodes: [...m.errorCodes].sort((a, b) => a[0] - b[0])
		},
		inbound: {
			from: [...inbound.from.slice(0, inbound.count)].map(who),
			at: [...inbound.at.slice(0, inbound.count)],
			referral: [...inbound.referral.slice(0, inbound.count)],
			phone: [...inbound.phone.slice(0, inbound.count)]
		},
		phones: reader.phones.list,
		report: reconcileCompact(reader, 'UTC')
	};
}

async function compare(text: string): Promise<boolean> {
	const merged = vi.spyOn(CompactLogReader.prototype, 'mergePart');
	const one = await readLog(blob(text).stream(), text.length, hooks);
	const two = await readLogSplit(blob(text), hooks, inProcess, 0);
	expect(everything(two.reader)).toEqual(everything(one.reader));
	const joined = merged.mock.results.some((r) => r.value === true);
	merged.mockRestore();
	return joined;
}

afterEach(() => vi.restoreAllMocks());

describe('a log read in two halves', () => {
	const lines = generateWebhookLog(3000).trim().split('\n');
	const status = (id: string, s: string, ts: number, extra: Record<string, unknown> = {}) =>
		JSON.stringify({
			id,
			status: s,
			timestamp: String(ts),
			recipient_id: '6281234567890',
			...extra
		});

	it('NDJSON: the halves are joined and give what one reader gives', async () => {
		expect(await compare(lines.join('\n') + '\n')).toBe(true);
		// Statuses of one message on both sides of the cut, out of order; CRLF; no final newline.
		expect(await compare([...lines].reverse().join('\r\n'))).toBe(true);
	});

	it('a JSON array, comma after or before each element, pretty-printed or not', async () => {
		expect(await compare(`[\n${lines.join(',\n')}\n]\n`)).toBe(true);
		expect(await compare(`[\n${lines.join('\n,')}\n]`)).toBe(true);
		// Cut before a line indented as the first element's (the values inside are deeper).
		const values = lines.map((l) => JSON.parse(l) as unknown);
		expect(await compare(JSON.stringify(values, null, 2))).toBe(true);
		expect(await compare(JSON.stringify(values, null, '\t'))).toBe(true);
		// A malformed element in the second half, listed at its line of the whole file.
		const pretty = JSON.stringify(values, null, 2);
		const at = pretty.indexOf('"status": "read"', pretty.length * 0.75);
		const broken = `${pretty.slice(0, at)}"status": tru${pretty.slice(at + 16)}`;
		expect(await compare(broken)).toBe(true);
		const { reader } = await readLogSplit(blob(broken), hooks, inProcess, 0);
		expect(reader.log.malformed).toEqual([
			// The line the element starts on.
			{
				line: broken.slice(0, broken.lastIndexOf('\n  {', at) + 1).split('\n').length,
				reason: expect.stringMatching(/^not JSON/)
			}
		]);
	});

	it('numbers the malformed lines of the second half from the start of the file', async () => {
		const bad = [...lines];
		bad.splice(2500, 0, '{ not json');
		bad.splice(2800, 0, status('x', 'sent', 1760000000, { recipient_id: undefined }));
		const text = bad.join('\n');
		expect(await compare(text)).toBe(true);
		const { reader } = await readLogSplit(blob(text), hooks, inProcess, 0);
		expect(reader.log.malformed.map((m) => m.line)).toEqual([2501, 2801]);
		// An array left open in the second half.
		expect(await compare(`[\n${lines.join(',\n')}\n`)).toBe(true);
	});

	it('merges the fold of a message across the cut: first recipient, earliest time, last pricing and conversation', async () => {
		const pricing = (category: string) => ({
			pricing: { billable: true, pricing_model: 'CBP', type: 'regular', category }
		});
		const conversation = (id: string) => ({ conversation: { id, origin: { type: 'utility' } } });
		const first = [
			status('m', 'delivered', 1760000100, { ...pricing('utility'), ...conversation('c1') }),
			status('q', 'failed', 1760000000, { errors: [{ code: 131026 }] }),
			status('k', 'sent', 1760000500, { ...pricing('utility'), ...conversation('c2') })
		];
		const second = [
			status('m', 'sent', 1760000000, { recipient_id: '5511987654321', ...pricing('marketing') }),
			status('m', 'read', 1760000200, conversation('c2')),
			status('q', 'delivered', 1760000010, { errors: [{ code: 1 }], ...pricing('utility') }),
			status('q', 'sent', 1760000005, { errors: [{ code: 2 }] }),
			status('z', 'sent', 1760000400, { ...pricing('utility'), ...conversation('c2') })
		];
		// The cut (the middle of the bytes) falls between `first` and `second`.
		const text = [...first, ...lines.slice(0, 2000), ...second, ...lines.slice(2000)].join('\n');
		const cut = text.indexOf('\n', text.length / 2);
		expect(cut).toBeLessThan(text.indexOf(second[0] as string));
		expect(await compare(text)).toBe(true);
	});

	it('reads the second half itself when the halves cannot be joined exactly', async () => {
		// The same statuses twice (a log concatenated with itself): deduplication needs the order.
		const twice = [...lines, ...lines].join('\n');
		expect(await compare(twice)).toBe(false);
		// An array whose elements are not one a line: the cut falls inside an element.
		const packed = `[${lines.map((l) => JSON.stringify(JSON.parse(l), null, 1).replace(/\n\s*/g, '\n')).join(',')}]`;
		expect(await compare(packed)).toBe(false);
	});

	it('reads on itself when the second reader fails, and a cancel lands while it waits', async () => {
		const text = lines.join('\n');
		const one = await readLog(blob(text).stream(), text.length, hooks);
		const failing: PartReader = () => ({
			result: Promise.reject(new Error('no worker')),
			cancel: () => {}
		});
		const two = await readLogSplit(blob(text), hooks, failing, 0);
		expect(everything(two.reader)).toEqual(everything(one.reader));
		let cancelled = false;
		const never: PartReader = () => {
			setTimeout(() => (cancelled = true), 20);
			return { result: new Promise(() => {}), cancel: () => {} };
		};
		await expect(
			readLogSplit(blob(text), { progress: () => {}, cancelled: () => cancelled, every: 5 }, never, 0)
		).rejects.toThrow(Cancelled);
	});
});
