/**
 * The inbox's small pieces: the window ring is green, amber in its last 3 hours and red when closed;
 * the composer shows "Send a template" outside the window and the broadcast button inside it only
 * with the agent setting on, and refuses an empty message; a question marks the engine's answer.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOUR, type EpochMs } from '$lib/domain/units';
import ChoiceQuestion from './ChoiceQuestion.svelte';
import Composer from './Composer.svelte';
import WindowRing from './WindowRing.svelte';

afterEach(cleanup);

const T = Date.parse('2023-09-12T02:00:00Z') as EpochMs;
const ring = (end: number | null, now: number) =>
	render(WindowRing, {
		label: 'Customer service window',
		end: end as EpochMs | null,
		now: now as EpochMs,
		length: 24 * HOUR,
		timezone: 'Asia/Jakarta',
		testid: 'ring'
	});

describe('WindowRing', () => {
	it.each([
		[T + 24 * HOUR, T, 'open', '1 d left'],
		[T + 3 * HOUR, T, 'closing', '3 h left'],
		[T + 3 * HOUR + 1, T, 'open', '3 h left'],
		[T, T, 'closed', 'closed'],
		[null, T, 'closed', 'closed']
	])('end %s at %s: %s', (end, now, state, text) => {
		ring(end, now);
		expect(screen.getByTestId('ring').dataset.state).toBe(state);
		expect(screen.getByTestId('ring-left').textContent?.trim()).toBe(text);
	});
});

describe('Composer', () => {
	const props = (windowOpen: boolean, canBroadcast: boolean) => ({
		windowOpen,
		canBroadcast,
		onsend: vi.fn(),
		ontemplate: vi.fn()
	});

	it('outside the window: Send a template, no broadcast button', () => {
		render(Composer, props(false, false));
		expect(screen.queryByTestId('template-button')).not.toBeNull();
		expect(screen.queryByTestId('broadcast-button')).toBeNull();
	});

	it('inside the window: the broadcast button only with the setting on', () => {
		const { unmount } = render(Composer, props(true, true));
		expect(screen.queryByTestId('broadcast-button')).not.toBeNull();
		expect(screen.queryByTestId('template-button')).toBeNull();
		unmount();
		render(Composer, props(true, false));
		expect(screen.queryByTestId('broadcast-button')).toBeNull();
	});

	it('an empty message is refused with a message; a typed one is sent', async () => {
		const p = props(true, true);
		render(Composer, p);
		await fireEvent.click(screen.getByTestId('composer-send'));
		expect(screen.getByRole('alert').textContent).toBe('Type a message to send.');
		expect(p.onsend).not.toHaveBeenCalled();
		await fireEvent.input(screen.getByTestId('composer-text'), { target: { value: 'Hi' } });
		await fireEvent.click(screen.getByTestId('composer-send'));
		expect(p.onsend).toHaveBeenCalledWith('Hi');
	});
});

describe('ChoiceQuestion', () => {
	it('a radio group under the prompt; revealed, the answer and a wrong choice are marked', () => {
		render(ChoiceQuestion, {
			prompt: 'What happens?',
			choices: ['Charged', 'Free'],
			chosen: 'Free',
			answer: 'Charged',
			revealed: true,
			explanation: 'Charged 0.0411 USD.',
			onchoose: () => {}
		});
		expect(screen.getByRole('group', { name: 'What happens?' })).toBeTruthy();
		expect(screen.getAllByRole('radio')).toHaveLength(2);
		expect(screen.getByText('engine’s answer')).toBeTruthy();
		expect(screen.getByText('your choice')).toBeTruthy();
		expect(screen.getByTestId('feedback').textContent).toContain('Not quite. Charged 0.0411 USD.');
	});
});
