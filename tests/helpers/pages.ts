/**
 * Every page of the app, as the phone-layout and accessibility checks visit them: the address, how
 * to tell it has loaded, and the controls a person must be able to reach on it.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface AppPage {
	name: string;
	path: string;
	/** Resolves once the page shows its content (charts and lists drawn). */
	ready: (page: Page) => Promise<void>;
	/** Controls that must lie inside the viewport's width (beyond the header's theme switch). */
	controls?: (page: Page) => Locator[];
	/** A step after loading (presentation mode is entered from the sandbox). */
	after?: (page: Page) => Promise<void>;
}

export const USE_CASE_IDS = [
	'service-conversation',
	'click-to-whatsapp',
	'business-initiated',
	'same-category',
	'multiple-conversations'
] as const;

const playheadShown = async (page: Page) => {
	await expect(page.getByRole('slider', { name: 'Playhead' })).toBeVisible();
};
const heading = async (page: Page) => {
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
};
const sandboxControls = (page: Page) => [
	page.getByTestId('share-link'),
	page.getByTestId('tab-compare'),
	page.getByTestId('speed'),
	page.getByTestId('export-run'),
	page.getByTestId('export-ledger-csv')
];

export const APP_PAGES: readonly AppPage[] = [
	{ name: 'home', path: './', ready: heading },
	...USE_CASE_IDS.map((id): AppPage => ({
		name: `sandbox ${id}`,
		path: `./sandbox?usecase=${id}`,
		ready: playheadShown,
		controls: sandboxControls
	})),
	{ name: 'sandbox blank', path: './sandbox?new=1', ready: playheadShown, controls: sandboxControls },
	{
		name: 'presentation',
		path: './sandbox?usecase=service-conversation',
		ready: playheadShown,
		after: async (page) => {
			await page.getByTestId('presentation-toggle').click();
			await expect(page.getByTestId('presentation')).toBeVisible();
		},
		controls: (page) => [page.getByTestId('presentation-toggle')]
	},
	{
		name: 'runs',
		path: './runs',
		ready: async (page) => {
			await expect(page.getByTestId('run-row').first()).toBeVisible();
		},
		controls: (page) => [
			page.getByTestId('rename-run').first(),
			page.getByTestId('duplicate-run').first(),
			page.getByTestId('export-one').first(),
			page.getByTestId('delete-run').first()
		]
	},
	{ name: 'rates', path: './rates', ready: heading },
	{ name: 'broadcast', path: './broadcast', ready: heading },
	{ name: 'train', path: './train', ready: heading },
	{ name: 'analytics', path: './analytics', ready: heading },
	{
		name: 'not found',
		path: './no-such-page',
		ready: async (page) => {
			await expect(page.getByTestId('not-found')).toBeVisible();
		},
		controls: (page) => [page.getByTestId('not-found-home')]
	}
];

/** One saved run, so the runs page has a row: a use case saved from the sandbox. */
export async function saveOneRun(page: Page): Promise<void> {
	await page.goto('./sandbox?usecase=service-conversation');
	await playheadShown(page);
	await page.getByTestId('save-run').click();
	await expect(page.getByTestId('save-state')).toHaveText('Saved');
}

/** The stored theme choice, applied before the app's first paint (app.html reads it). */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
	await page.addInitScript((t) => localStorage.setItem('wa-sandbox-theme', t), theme);
}

/** Is the element's box inside the viewport's width (it may be below the fold)? */
export async function withinWidth(locator: Locator, width: number): Promise<void> {
	await expect(locator).toBeVisible({ timeout: 5_000 });
	await locator.scrollIntoViewIfNeeded();
	const box = await locator.boundingBox();
	expect(box, `${locator} has no box`).not.toBeNull();
	expect(box!.x, `${locator} starts left of the viewport`).toBeGreaterThanOrEqual(0);
	expect(box!.x + box!.width, `${locator} ends right of the viewport`).toBeLessThanOrEqual(width + 0.5);
}
