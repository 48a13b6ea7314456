import { describe, expect, it } from 'vitest';
import { describeScenarioError, validateScenario, type ScenarioError } from './scenario';

const base = {
	format: 'wa-pricing-scenario/1',
	name: 'Refusals',
	market: 'ID',
	timezone: 'UTC',
	events: [
		{ at: '2025-06-01T10:00:00Z', type: 'customer_message' },
		{ at: '2025-06-01T10:05:00Z', type: 'template', category: 'marketing' }
	]
};

function errors(input: unknown): ScenarioError[] {
	const r = validateScenario(input);
	if (r.ok) throw new Error('expected the scenario to be refused');
	return r.errors;
}
const first = (input: unknown): string => describeScenarioError(errors(input)[0] as ScenarioError);
const withEvent = (index: number, event: Record<string, unknown>) => ({
	...base,
	events: base.events.map((e, i) => (i === index ? event : e))
});

describe('validateScenario: market', () => {
	it.each([
		'ID',
		'GB',
		'EE',
		'KR',
		'BS',
		'+6281234567890',
		'+1 242 555 0100',
		'+1 (212) 555-0100',
		'+7 701 234 5678',
		'+800 1234 5678'
	])('%s is accepted', (market) => {
		expect(validateScenario({ ...base, market }).ok).toBe(true);
	});

	it.each([
		['XX', 'market: XX is not an assigned ISO 3166-1 country code.'],
		['UK', 'market: UK is not an ISO 3166-1 country code: did you mean GB?'],
		['+999 123 4567', /^market: calling code 999 is not assigned/],
		['+9991234567', /^market: calling code 999 is not assigned/],
		['+210 1234567', /^market: calling code 210 is not assigned/],
		['id', /^market: a country code is two capital letters/],
		['+62 81', /^market: Too short/],
		['Narnia', /^market: must be an ISO 3166-1 alpha-2 country code/]
	])('%s is refused: %s', (market, message) => {
		const errs = errors({ ...base, market });
		expect(errs).toHaveLength(1);
		expect(errs[0]?.event).toBeUndefined();
		if (typeof message === 'string') expect(first({ ...base, market })).toBe(message);
		else expect(first({ ...base, market })).toMatch(message);
	});
});

describe('validateScenario: impossible dates', () => {
	it.each([
		['2025-02-30T10:00:00Z', 'event 1 (events.1.at): 2025-02-30 is not a date: February 2025 has 28 days'],
		['2025-06-31T10:00Z', 'event 1 (events.1.at): 2025-06-31 is not a date: June 2025 has 30 days'],
		['2025-06-01T24:61Z', 'event 1 (events.1.at): 24:61 is not a time of day (00:00 to 23:59:59)']
	])('%s → %s', (at, message) => {
		expect(first(withEvent(1, { at, type: 'template', category: 'marketing' }))).toBe(message);
	});

	it('narration instants and custom_rates.effective_from are checked the same way', () => {
		expect(first({ ...base, narration: [{ at: '2025-04-31T00:00Z', text: 'x' }] })).toBe(
			'narration.0.at: 2025-04-31 is not a date: April 2025 has 30 days'
		);
		const custom = { name: 'Mine', model: 'PMP', rows: [] };
		expect(validateScenario({ ...base, custom_rates: { ...custom, effective_from: '2025-02-28' } }).ok).toBe(
			true
		);
		expect(first({ ...base, custom_rates: { ...custom, effective_from: '2025-02-30' } })).toBe(
			'custom_rates.effective_from: 2025-02-30 is not a date: February 2025 has 28 days'
		);
	});

	it('auth_international.primary_country must be an assigned code', () => {
		const with_ = (primary_country: string) => ({
			...base,
			account: { auth_international: { eligible: true, primary_country } }
		});
		expect(validateScenario(with_('IN')).ok).toBe(true);
		expect(first(with_('UK'))).toBe(
			'account.auth_international.primary_country: UK is not an ISO 3166-1 country code: did you mean GB?'
		);
		expect(first(with_('XX'))).toBe(
			'account.auth_international.primary_country: XX is not an assigned ISO 3166-1 country code.'
		);
	});
});

describe('validateScenario: missing and unknown fields', () => {
	it.each([
		['at', { type: 'template', category: 'marketing' }, 'event 1 (events.1.at): missing field "at"'],
		[
			'category',
			{ at: '2025-06-01T10:05:00Z', type: 'template' },
			'event 1 (events.1.category): missing field "category"'
		],
		['type', { at: '2025-06-01T10:05:00Z' }, /^event 1 \(events\.1\.type\): missing field "type"/]
	])('a missing %s says it is missing', (_field, event, message) => {
		const errs = errors(withEvent(1, event));
		expect(errs[0]?.event).toBe(1);
		expect(errs.map((e) => e.message).join(' ')).not.toContain('undefined');
		if (typeof message === 'string') expect(first(withEvent(1, event))).toBe(message);
		else expect(first(withEvent(1, event))).toMatch(message);
	});

	it.each(['market', 'name', 'timezone', 'events', 'format'])(
		'a missing top-level %s says it is missing',
		(key) => {
			const input: Record<string, unknown> = { ...base };
			delete input[key];
			expect(first(input)).toBe(`${key}: missing field "${key}"`);
		}
	);

	it('an extra field is still an unknown field, with its name', () => {
		expect(first(withEvent(0, { ...base.events[0], colour: 'red' }))).toBe(
			'event 0 (events.0.colour): unknown field "colour"'
		);
		expect(first({ ...base, extra: 1 })).toBe('extra: unknown field "extra"');
	});

	it('a value that is not an object says so, not "unknown field"', () => {
		expect(first({ ...base, account: 5 })).toBe('account: must be an object');
		expect(first(null)).toBe('(file): must be an object');
	});
});
