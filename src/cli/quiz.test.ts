import { describe, expect, it } from 'vitest';
import { runCli } from './run';

const read = () => '';
describe('cli quiz', () => {
	it('prints the bank as JSON lines, deterministic for a seed', () => {
		const r = runCli(['quiz', '--count', '4', '--seed', '11', '--level', '3'], read);
		expect(r.code).toBe(0);
		const lines = r.stdout.split('\n').map((l) => JSON.parse(l));
		expect(lines).toHaveLength(4);
		for (const q of lines) {
			expect(Object.keys(q)).toEqual(
				expect.arrayContaining([
					'id',
					'kind',
					'prompt',
					'scenario',
					'event',
					'choices',
					'answer',
					'explanation'
				])
			);
			expect(q.choices).toContain(q.answer);
		}
		expect(runCli(['quiz', '--count', '4', '--seed', '11', '--level', '3'], read).stdout).toBe(r.stdout);
	});

	it.each([
		[['quiz', '--seed', '1'], /--count is missing/],
		[['quiz', '--count', '1'], /--seed is missing/],
		[['quiz', '--count', '0', '--seed', '1'], /--count needs/],
		[['quiz', '--count', '2', '--seed', 'x'], /--seed needs/],
		[['quiz', '--count', '2', '--seed', '1', '--level', '4'], /--level needs/],
		[['quiz', '--count', '2', '--seed', '1', '--regime', 'nope'], /--regime needs/],
		[['quiz', '--count', '2', '--seed', '1', '--fast'], /unknown option/]
	])('refuses %j with exit 2 and one line', (argv, message) => {
		const r = runCli(argv, read);
		expect(r.code).toBe(2);
		expect(r.stderr.split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(message);
	});
});
