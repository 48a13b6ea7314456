import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localInputError } from '$lib/domain/local-time';
import type { Scenario } from '$lib/domain/scenario';
import { blankScenario } from '$lib/domain/scenario-edits';
import { asEpochMs } from '$lib/domain/units';
import { replay } from '$lib/engine/replay';
import EventEditor from './EventEditor.svelte';

afterEach(cleanup);

const base = (tz = 'Asia/Jakarta'): Scenario => ({
	...blankScenario(tz),
	events: [
		{ at: '2023-09-12T09:00:00+07:00', type: 'customer_message', text: 'Hi' },
		{ at: '2023-09-12T10:00:00+07:00', type: 'business_message' }
	]
});

/** Renders the editor; with an event selected, waits for its panel (loaded on first selection). */
async function setup(scenario: Scenario, selected: number | null, playheadIso = '2023-09-12T12:00:00+07:00') {
	const onedit = vi.fn<(next: Scenario, select: number | null) => void>();
	const ondeselect = vi.fn();
	render(EventEditor, {
		scenario,
		ledger: replay(scenario),
		playhead: asEpochMs(Date.parse(playheadIso)),
		selected,
		onedit,
		ondeselect
	});
	if (selected !== null) await screen.findByTestId('edit-event');
	return { onedit, ondeselect, user: userEvent.setup() };
}

describe('EventEditor: add at the playhead', () => {
	it('adds a template of the chosen category at the playhead, in the scenario zone, and selects it', async () => {
		const s = base();
		const { onedit, user } = await setup(s, null);
		expect(screen.getByTestId<HTMLInputElement>('add-time').value).toBe('2023-09-12T12:00');
		await user.selectOptions(screen.getByTestId('add-kind'), 'template');
		await user.selectOptions(screen.getByTestId('add-category'), 'authentication');
		await user.type(screen.getByTestId('add-text'), 'Your code is 123');
		await user.click(screen.getByTestId('add-event-submit'));
		expect(onedit).toHaveBeenCalledTimes(1);
		const [next, select] = onedit.mock.calls[0]!;
		expect(select).toBe(2);
		expect(next.events).toHaveLength(3);
		expect(next.events[2]).toEqual({
			at: '2023-09-12T12:00:00+07:00',
			type: 'template',
			category: 'authentication',
			text: 'Your code is 123'
		});
		expect(s.events).toHaveLength(2);
	});

	it('adds a not-delivered free-form reply at a typed time', async () => {
		const { onedit, user } = await setup(base(), null);
		await user.selectOptions(screen.getByTestId('add-kind'), 'business_message');
		await user.click(screen.getByTestId('add-failed'));
		await fireEvent.input(screen.getByTestId('add-time'), { target: { value: '2023-09-13T08:15' } });
		await user.click(screen.getByTestId('add-event-submit'));
		expect(onedit.mock.calls[0]![0].events[2]).toEqual({
			at: '2023-09-13T08:15:00+07:00',
			type: 'business_message',
			delivered: false
		});
	});

	it('a bad time shows an error, adds nothing and keeps what was typed', async () => {
		const { onedit, user } = await setup(base(), null);
		await user.type(screen.getByTestId('add-text'), 'keep me');
		await fireEvent.input(screen.getByTestId('add-time'), { target: { value: '' } });
		await user.click(screen.getByTestId('add-event-submit'));
		expect(onedit).not.toHaveBeenCalled();
		expect(screen.getByRole('alert')).toHaveTextContent('Enter a date and a time.');
		expect(screen.getByTestId('add-time')).toHaveAttribute('aria-invalid', 'true');
		expect(screen.getByTestId<HTMLInputElement>('add-text').value).toBe('keep me');
	});
});

describe('EventEditor: the selected event', () => {
	it('shows its outcome and reason, and saves an edit of type, category and time', async () => {
		const s = base();
		const { onedit, user } = await setup(s, 1);
		// No free-tier assumption in the scenario: the reply rides on the month's free service conversations.
		expect(screen.getByTestId('edit-event')).toHaveTextContent(/Free.*free service conversation/);
		expect(screen.getByTestId<HTMLInputElement>('edit-time').value).toBe('2023-09-12T10:00');
		await user.selectOptions(screen.getByTestId('edit-kind'), 'template');
		await user.selectOptions(screen.getByTestId('edit-category'), 'utility');
		await fireEvent.input(screen.getByTestId('edit-time'), { target: { value: '2023-09-12T10:30' } });
		await user.click(screen.getByTestId('edit-event-save'));
		const [next, select] = onedit.mock.calls[0]!;
		expect(select).toBe(1);
		expect(next.events[1]).toEqual({
			at: '2023-09-12T10:30:00+07:00',
			type: 'template',
			category: 'utility'
		});
		expect(next.events[0]).toBe(s.events[0]);
	});

	it('deletes it and clears the selection', async () => {
		const { onedit, user } = await setup(base(), 0);
		await user.click(screen.getByTestId('edit-event-delete'));
		const [next, select] = onedit.mock.calls[0]!;
		expect(select).toBeNull();
		expect(next.events).toEqual([{ at: '2023-09-12T10:00:00+07:00', type: 'business_message' }]);
	});

	it.each(['2025-02-30T10:00', '2025-06-31T10:00', '2025-06-01T24:61'])(
		'an impossible date or time (%s) is refused next to the field, nothing saved',
		async (value) => {
			const s = base('UTC');
			const { onedit, user } = await setup(s, 1);
			const field = screen.getByTestId<HTMLInputElement>('edit-time');
			await fireEvent.input(field, { target: { value } });
			await user.click(screen.getByTestId('edit-event-save'));
			expect(onedit).not.toHaveBeenCalled();
			const alert = screen.getByRole('alert');
			expect(alert.id).toBe('edit-time-error');
			expect(field).toHaveAttribute('aria-describedby', 'edit-time-error');
			expect(field).toHaveAttribute('aria-invalid', 'true');
			// Like a browser, the datetime-local field empties a value that is not a real date and time.
			expect(field.value).toBe('');
			expect(alert).toHaveTextContent('Enter a date and a time.');
			// Typed text that reaches the check anyway (a browser without the date picker) is named.
			expect(localInputError(value, 'UTC')).toBe(
				`${value.replace('T', ' ')} does not exist in UTC (the clocks skip it, or the date is not real).`
			);
		}
	);

	it('a time that does not exist in the zone is refused with a reason and stays in the field', async () => {
		const s: Scenario = {
			...blankScenario('Europe/Berlin'),
			events: [{ at: '2023-03-26T01:00:00+01:00', type: 'customer_message' }]
		};
		const { onedit, user } = await setup(s, 0, '2023-03-26T01:00:00+01:00');
		await fireEvent.input(screen.getByTestId('edit-time'), { target: { value: '2023-03-26T02:30' } });
		await user.click(screen.getByTestId('edit-event-save'));
		expect(onedit).not.toHaveBeenCalled();
		expect(screen.getByRole('alert')).toHaveTextContent('does not exist in Europe/Berlin');
		expect(screen.getByTestId<HTMLInputElement>('edit-time').value).toBe('2023-03-26T02:30');
	});
});
