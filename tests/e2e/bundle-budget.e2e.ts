/**
 * Every page's initial JavaScript stays within 150 KB gzip (issue 14 point 10), checked on the build
 * these browser tests run against: a size, not a speed, so a test may hold it. The figures and how
 * they are counted: bench/bundle-budget.ts and BENCHMARKS.md.
 */
import { BUDGET_BYTES, measureBundles } from '../../bench/bundle-budget';
import { expect, test } from '../helpers/test';

test('every page loads at most 150 KB of JavaScript (gzip) before it shows', () => {
	const pages = measureBundles();
	expect(pages.map((p) => p.route)).toEqual(expect.arrayContaining(['/', '/sandbox', '/runs', '/rates']));
	const over = pages
		.filter((p) => p.gzipBytes > BUDGET_BYTES)
		.map((p) => `${p.route}: ${(p.gzipBytes / 1024).toFixed(1)} KB`);
	expect(over).toEqual([]);
});
