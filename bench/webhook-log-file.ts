/**
 * Writes the generated webhook log (tests/fixtures/webhooks/generate-log.ts) to a file in pieces:
 * a million statuses are about 400 MB, more than one JavaScript string holds. NDJSON (one envelope a
 * line) or one JSON array of the same envelopes.
 *   npx tsx bench/webhook-log-file.ts <out> [--n 1000000] [--array]
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { webhookLogLines } from '../tests/fixtures/webhooks/generate-log';

export async function writeWebhookLog(path: string, statuses: number, array = false): Promise<number> {
	const out = createWriteStream(path);
	let bytes = 0;
	let buf: string[] = [];
	let first = true;
	const flush = async () => {
		const text = buf.join('');
		buf = [];
		bytes += Buffer.byteLength(text);
		if (!out.write(text)) await once(out, 'drain');
	};
	if (array) buf.push('[\n');
	for (const line of webhookLogLines(statuses)) {
		buf.push(array ? (first ? line : `,\n${line}`) : `${line}\n`);
		first = false;
		if (buf.length >= 10_000) await flush();
	}
	if (array) buf.push('\n]\n');
	await flush();
	out.end();
	await once(out, 'finish');
	return bytes;
}

if (process.argv[1]?.endsWith('webhook-log-file.ts')) {
	const i = process.argv.indexOf('--n');
	const n = i > 0 ? Number(process.argv[i + 1]) : 1_000_000;
	const path = process.argv[2] ?? '/tmp/webhook-log.ndjson';
	const bytes = await writeWebhookLog(path, n, process.argv.includes('--array'));
	console.log(`${path}: ${n} statuses, ${(bytes / 1e6).toFixed(1)} MB`);
}
