import { describe, expect, it } from 'vitest';
import { useCaseById } from '$lib/domain/use-cases';
import { asEpochMs } from '$lib/domain/units';
import { replay } from './replay';
import { stateAt } from './state-at';

const t = (iso: string) => asEpochMs(Date.parse(iso));

describe('stateAt', () => {
	const uc5 = replay(useCaseById('multiple-conversations')!.scenario);
	it('use case 5 before, at and after 12:05', () => {
		expect(stateAt(uc5, t('2023-09-12T11:59:59+07:00')).total).toBe(0);
		expect(stateAt(uc5, t('2023-09-12T12:00:00+07:00')).conversations.map((c) => c.category)).toEqual([
			'marketing'
		]);
		const after = stateAt(uc5, t('2023-09-12T12:06:00+07:00'));
		expect(after.conversations.map((c) => c.category)).toEqual(['marketing', 'authentication']);
		expect(after.total).toBe(71_100);
		expect(after.totalsByCategory).toMatchObject({ marketing: 41_100, authentication: 30_000 });
		expect(after.messagesSoFar).toBe(2);
	});
	it('conversations end at exactly 24 h', () => {
		expect(stateAt(uc5, t('2023-09-13T11:59:59.999+07:00')).conversations).toHaveLength(2);
		expect(stateAt(uc5, t('2023-09-13T12:00:00+07:00')).conversations.map((c) => c.category)).toEqual([
			'authentication'
		]);
		expect(stateAt(uc5, t('2023-09-13T12:05:00+07:00')).conversations).toEqual([]);
	});

	const uc1 = replay(useCaseById('service-conversation')!.scenario);
	it('use case 1: before the customer writes again, the window ends 24 h after the first message', () => {
		const early = stateAt(uc1, t('2023-09-12T10:30:00+07:00'));
		expect(early.freeForm.until).toBe(t('2023-09-13T09:00:00+07:00'));
		expect(early.serviceWindow?.expiresAt).toBe(t('2023-09-13T09:00:00+07:00'));
		expect(early.freeForm.reason).toMatch(/^Yes, until Wed 13 Sep 2023 09:00/);
		const later = stateAt(uc1, t('2023-09-12T12:00:00+07:00'));
		expect(later.serviceWindow?.expiresAt).toBe(t('2023-09-13T12:00:00+07:00'));
	});
	it('use case 1: free-form allowed until the window closes, then not', () => {
		const open = stateAt(uc1, t('2023-09-13T11:59:00+07:00')).freeForm;
		expect(open.allowed).toBe(true);
		expect(open.until).toBe(t('2023-09-13T12:00:00+07:00'));
		expect(open.reason).toMatch(/^Yes, until Wed 13 Sep 2023 12:00/);
		const closed = stateAt(uc1, t('2023-09-13T12:00:00+07:00')).freeForm;
		expect(closed.allowed).toBe(false);
		expect(closed.reason).toMatch(/closed at Wed 13 Sep 2023 12:00/);
	});
	it('before the first event nothing is open and nothing is charged', () => {
		const s = stateAt(uc1, t('2023-09-01T00:00:00Z'));
		expect(s).toMatchObject({
			serviceWindow: null,
			freeEntryPoint: null,
			conversations: [],
			total: 0,
			messagesSoFar: 0
		});
		expect(s.freeForm.reason).toMatch(/has not written yet/);
	});

	const uc2 = replay(useCaseById('click-to-whatsapp')!.scenario);
	it('use case 2: templates stay free in the free entry point after the window closed', () => {
		const s = stateAt(uc2, t('2023-09-13T15:00:00+07:00'));
		expect(s.freeEntryPoint?.expiresAt).toBe(t('2023-09-15T10:00:00+07:00'));
		expect(s.freeForm.allowed).toBe(false);
		expect(s.freeForm.reason).toMatch(
			/Templates stay free in the free entry point until Fri 15 Sep 2023 10:00/
		);
	});
});
