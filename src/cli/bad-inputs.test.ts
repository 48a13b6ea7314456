/**
 * The CLI's bad-input corpus (tests/fixtures/cli-bad): every file there must give exit 2 and exactly
 * one line on stderr, never a stack trace. Plus the process-level cases: a device that never ends,
 * a reader that goes away (| head), a full disk, and a table of 120,000 rows.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInput } from './io';
import { runCli } from './run';

const dir = new URL('../../tests/fixtures/cli-bad/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('bad scenario files', () => {
	it('the corpus is there', () => expect(files.length).toBeGreaterThanOrEqual(15));
	it.each(files)('%s → exit 2, one line', (name) => {
		let r;
		try {
			r = runCli(['simulate', name], (p) => readInput(new URL(p, dir).pathname));
		} catch (e) {
			throw new Error(`threw instead of refusing: ${(e as Error).message}`, { cause: e });
		}
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/^error: /);
	});
});

describe('the CLI process', { timeout: 60_000 }, () => {
	const cli = (args: string, shell = '') =>
		spawnSync('bash', ['-c', `npx tsx src/cli/main.ts ${args} ${shell}`], { encoding: 'utf8' });
	const uc5 = 'src/lib/domain/use-cases/uc5-multiple-conversations.json';

	it('refuses /dev/zero instead of reading it forever', () => {
		const r = cli('simulate /dev/zero');
		expect(r.status).toBe(2);
		expect(r.stderr.trim()).toMatch(/^error: \/dev\/zero is larger than 64 MiB/);
	});

	it('piped into head: no EPIPE trace', () => {
		const r = cli(`simulate ${uc5}`, '| head -c 1');
		expect(r.stderr).toBe('');
	});

	it('a full disk: one line and a non-zero exit', () => {
		const r = cli(`simulate ${uc5}`, '> /dev/full');
		expect(r.status).toBe(1);
		expect(r.stderr.trim()).toBe('error: could not write the output: no space left on the device');
	});

	it('accepts a UTF-8 byte-order mark', () => {
		const out = execFileSync(
			'bash',
			['-c', `(printf '\\xef\\xbb\\xbf'; cat ${uc5}) | npx tsx src/cli/main.ts simulate -`],
			{
				encoding: 'utf8'
			}
		);
		expect(JSON.parse(out).total).toBe('0.0711');
	});
});

describe('--table at scale', { timeout: 60_000 }, () => {
	it('prints 120,000 rows without overflowing the stack', () => {
		const events = Array.from({ length: 120_000 }, (_, i) => ({
			at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
			type: i % 3 ? 'business_message' : 'customer_message'
		}));
		const text = JSON.stringify({
			format: 'wa-pricing-scenario/1',
			name: 'big',
			market: 'ID',
			timezone: 'UTC',
			events
		});
		const r = runCli(['simulate', 'big.json', '--table'], () => text);
		expect(r.code).toBe(0);
		expect(r.stdout.split('\n').length).toBeGreaterThan(120_000);
	});
});
