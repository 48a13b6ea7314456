import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '$lib/domain/scenario';
import { asEpochMs } from '$lib/domain/units';
import { useCaseById } from '$lib/domain/use-cases';
import ScenarioSettings from './ScenarioSettings.svelte';

afterEach(cleanup);

const scenario = useCaseById('multiple-conversations')!.scenario;

describe('ScenarioSettings: the window-end setting (issue 8, point 7)', () => {
	it('says it governs the service window, conversations and the 72 h free entry point, and is UNCONFIRMED', () => {
		render(ScenarioSettings, {
			props: { scenario, firstAt: asEpochMs(Date.parse('2023-09-12T12:00:00+07:00')), onedit: vi.fn() }
		});
		const group = screen.getByTestId('window-end-setting');
		expect(within(group).getByText(/UNCONFIRMED/, { selector: 'legend *' })).toBeTruthy();
		const text = group.textContent?.replace(/\s+/g, ' ') ?? '';
		expect(text).toMatch(/24 h customer service window/);
		expect(text).toMatch(/24 h conversations/);
		expect(text).toMatch(/72 h free entry point/);
		expect(text).toMatch(/UNCONFIRMED/);
	});

	it('switching it records window_end', async () => {
		const onedit = vi.fn<(s: Scenario) => void>();
		render(ScenarioSettings, {
			props: { scenario, firstAt: asEpochMs(Date.parse('2023-09-12T12:00:00+07:00')), onedit }
		});
		await fireEvent.click(screen.getByTestId('window-end-inclusive'));
		expect(onedit.mock.calls[0]?.[0].settings?.window_end).toBe('inclusive');
	});
});
