/** The real process: exit codes, stdin, and no stack trace on bad input. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const cli = (args: string[], input?: string) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
		cwd: root,
		input,
		encoding: 'utf8'
	});

describe('cli process', { timeout: 60_000 }, () => {
	it('reads a scenario from stdin with "-"', () => {
		const scenario = readFileSync(`${root}src/lib/domain/use-cases/uc4-same-category.json`, 'utf8');
		const r = cli(['simulate', '-'], scenario);
		expect(r.status).toBe(0);
		expect(JSON.parse(r.stdout).total).toBe('0.0411');
	});
	it('exits 2 with one line on stderr for bad input, never a stack trace', () => {
		const r = cli(['simulate', '-'], '{"format":"wa-pricing-scenario/1"}');
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/^error: invalid scenario on stdin: name:/);
		expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
	});
});
