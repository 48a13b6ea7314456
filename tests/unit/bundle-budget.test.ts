import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET_BYTES, budgetLines, measureBundles } from '../../bench/bundle-budget';

/** A made-up build: an entry, a layout, two pages and the error page, as SvelteKit lays them out. */
function fakeBuild(pageBytes: number) {
	const root = mkdtempSync(join(tmpdir(), 'budget-'));
	const build = join(root, 'build');
	const out = join(root, 'sk');
	const file = (path: string, body: string | Buffer) => {
		mkdirSync(join(path, '..'), { recursive: true });
		writeFileSync(path, body);
	};
	// Incompressible bytes, so the gzip size is close to the raw size.
	const noise = (n: number) => randomBytes(n);
	file(join(build, 'index.html'), '<!doctype html>');
	file(join(build, '_app/entry/start.js'), noise(1000));
	file(join(build, '_app/chunks/shared.js'), noise(2000));
	file(join(build, '_app/nodes/0.js'), noise(500));
	file(join(build, '_app/nodes/1.js'), noise(300));
	file(join(build, '_app/nodes/2.js'), noise(pageBytes));
	file(join(build, '_app/nodes/3.js'), noise(100));
	file(
		join(out, 'output/server/manifest-full.js'),
		`export const manifest = { _: { client: {start:"_app/entry/start.js",app:"x",imports:["_app/entry/start.js","_app/chunks/shared.js"],stylesheets:[]},
		routes: [
			{ id: "/", pattern: /^\\/$/, params: [], page: { layouts: [0,], errors: [1,], leaf: 3 }, endpoint: null },
			{ id: "/big", pattern: /^\\/big\\/?$/, params: [], page: { layouts: [0,], errors: [1,], leaf: 2 }, endpoint: null }
		] } };`
	);
	const node = (n: number, imports: string[]) =>
		file(
			join(out, `output/server/nodes/${n}.js`),
			`export const imports = ${JSON.stringify(imports)};\nexport const stylesheets = [];`
		);
	node(0, ['_app/nodes/0.js', '_app/chunks/shared.js']);
	node(1, ['_app/nodes/1.js']);
	node(2, ['_app/nodes/2.js', '_app/chunks/shared.js']);
	node(3, ['_app/nodes/3.js']);
	return { build, out };
}

describe('bundle budget', () => {
	it('sums each page’s entry, layout and page files once, gzipped, plus the not-found page', () => {
		const { build, out } = fakeBuild(4000);
		const pages = measureBundles(build, out);
		expect(pages.map((p) => [p.route, p.files])).toEqual([
			['/', 4],
			['/big', 4],
			['(not found)', 4]
		]);
		const home = pages[0]!;
		expect(home.rawBytes).toBe(1000 + 2000 + 500 + 100);
		expect(home.gzipBytes).toBeGreaterThan(0);
		expect(home.gzipBytes).toBeLessThan(home.rawBytes + 200);
	});

	it('names a page over 150 KB', () => {
		const { build, out } = fakeBuild(BUDGET_BYTES + 10_000);
		const lines = budgetLines(measureBundles(build, out));
		expect(lines.find((l) => l.includes('/big'))).toMatch(/OVER BUDGET/);
		expect(lines.at(-1)).toBe('budget NOT met by /big');
	});

	it('says so when there is no build', () => {
		expect(() => measureBundles('/nonexistent/build', '/nonexistent/sk')).toThrow(/no build/);
	});
});
