import { describe, expect, it } from 'vitest';
import {
	availabilityOf,
	categoryAvailability,
	SEED_TEMPLATES,
	templateError,
	usMarketingPause,
	type TemplateDraft
} from './templates';

const t = (over: Partial<TemplateDraft>): TemplateDraft => ({
	name: 'order_shipped',
	category: 'utility',
	language: 'en',
	status: 'approved',
	...over
});

describe('category availability (the Outbound Message menu: category first)', () => {
	it('the seeded library: marketing and utility usable, authentication unavailable with the reason', () => {
		const all = availabilityOf(SEED_TEMPLATES);
		expect(all.map((a) => [a.category, a.available])).toEqual([
			['marketing', true],
			['utility', true],
			['authentication', false]
		]);
		expect(all[2]!.reason).toBe(
			'Unavailable: no approved authentication template (1 template pending review, 1 template rejected). Add one to the library or wait for Meta’s review.'
		);
		expect(all[0]).toMatchObject({ approved: 2, pending: 1, rejected: 0, reason: null });
	});

	it('a category with no template at all', () => {
		expect(categoryAvailability([], 'marketing').reason).toBe(
			'Unavailable: no approved marketing template. Add one to the library or wait for Meta’s review.'
		);
	});

	it('approving one template makes the category available; rejecting it takes it away', () => {
		const lib = [t({ category: 'authentication', status: 'pending' })];
		expect(categoryAvailability(lib, 'authentication').available).toBe(false);
		expect(categoryAvailability([t({ category: 'authentication' })], 'authentication').available).toBe(true);
		expect(
			categoryAvailability([t({ category: 'authentication', status: 'rejected' })], 'authentication').reason
		).toMatch(/1 template rejected/);
	});

	it('marketing to US numbers is unavailable from 2025-04-01 (Meta’s pause), other categories never', () => {
		expect(usMarketingPause('marketing', '2025-03-31')).toBeNull();
		expect(usMarketingPause('marketing', '2025-04-01')).toMatch(
			/Unavailable for US numbers.*since 1 Apr 2025.*fail and are not charged; the forecast says how many/
		);
		expect(usMarketingPause('utility', '2026-12-03')).toBeNull();
		expect(usMarketingPause('authentication', '2026-12-03')).toBeNull();
	});
});

describe('templateError', () => {
	it('accepts every seed', () => {
		for (const s of SEED_TEMPLATES) expect(templateError(s)).toBeNull();
	});
	it.each<[Partial<TemplateDraft>, RegExp]>([
		[{ name: '' }, /^Name: enter/],
		[{ name: '   ' }, /^Name: enter/],
		[{ name: 'Order Shipped' }, /lowercase letters, digits and underscores/],
		[{ name: 'a'.repeat(513) }, /at most 512/],
		[{ category: 'service' as never }, /^Category/],
		[{ language: 'english' }, /^Language/],
		[{ status: 'paused' as never }, /^Status/]
	])('refuses %o', (over, message) => expect(templateError(t(over))).toMatch(message));
});
