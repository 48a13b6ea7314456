// Sums Vitest JSON and Playwright JSON reports into the one closing line CI reads.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) {
		console.log(`(no report at ${file}: counted as 1 failed)`);
		failed += 1;
		continue;
	}
	const report = JSON.parse(readFileSync(file, 'utf8'));
	if ('numPassedTests' in report) {
		// Vitest (Jest-compatible JSON); a suite that failed to load counts as a failure.
		passed += report.numPassedTests;
		failed += report.numFailedTests + countSuitesThatFailedToLoad(report);
		skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
	} else if (report.stats) {
		// Playwright JSON reporter.
		passed += report.stats.expected + (report.stats.flaky ?? 0);
		failed += report.stats.unexpected;
		skipped += report.stats.skipped;
		failed += (report.errors ?? []).length;
	}
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);

// A file that failed before any test ran (syntax error, bad import) has no failed assertion to count.
function countSuitesThatFailedToLoad(report) {
	return (report.testResults ?? []).filter(
		(s) => s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed')
	).length;
}
