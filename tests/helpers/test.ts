/**
 * Playwright's `test` for every browser test, with one addition: the Content-Security-Policy guard
 * (issue 13 point 11). Each page (and each page opened later in the same context) reports any
 * `securitypolicyviolation`, and Chromium's "Refused to …" console lines (which also cover workers),
 * and the test fails after its own steps when there was any. E2e files import from here instead of
 * '@playwright/test'; everything else is Playwright's own.
 */
import { test as base, expect } from '@playwright/test';

export * from '@playwright/test';

/** What a CSP violation looks like in the console (Chromium words it this way for pages and workers). */
const REFUSED = /Content Security Policy|securitypolicyviolation/i;

export const test = base.extend<{ cspViolations: string[] }>({
	cspViolations: [
		async ({ context }, use) => {
			const violations: string[] = [];
			await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
				violations.push(text);
			});
			await context.addInitScript(() => {
				const report = (window as unknown as { __reportCspViolation?: (t: string) => void })
					.__reportCspViolation;
				document.addEventListener('securitypolicyviolation', (e) => {
					report?.(
						`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`
					);
				});
			});
			const onConsole = (msg: { text(): string; type(): string }) => {
				if (REFUSED.test(msg.text())) violations.push(msg.text());
			};
			context.on('console', onConsole);
			await use(violations);
			context.off('console', onConsole);
			expect(violations, 'Content-Security-Policy violations').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
