import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { useCaseById } from '$lib/domain/use-cases';
import { asEpochMs } from '$lib/domain/units';
import { replay } from '$lib/engine/replay';
import { stateAt } from '$lib/engine/state-at';
import LivePanel from './LivePanel.svelte';

afterEach(cleanup);

function panelAt(id: string, iso: string) {
	const uc = useCaseById(id);
	if (!uc) throw new Error(id);
	const ledger = replay(uc.scenario);
	return render(LivePanel, { state: stateAt(ledger, asEpochMs(Date.parse(iso))), ledger });
}

describe('LivePanel at the playhead (real replays of the documented use cases)', () => {
	it('use case 5 at 12:06: two open conversations with countdowns, 0.0711 USD, no free-form', () => {
		panelAt('multiple-conversations', '2023-09-12T12:06:00+07:00');
		expect(screen.getByTestId('total')).toHaveTextContent('0.0711 USD');
		expect(screen.getByTestId('total-marketing')).toHaveTextContent('0.0411 USD');
		expect(screen.getByTestId('total-authentication')).toHaveTextContent('0.0300 USD');
		const rows = screen.getAllByTestId('active-session');
		expect(rows).toHaveLength(2);
		expect(rows[0]).toHaveTextContent('Marketing conversation');
		expect(within(rows[0]!).getByTestId('countdown')).toHaveTextContent('23 h 54 min left');
		expect(rows[0]).toHaveTextContent('ends Wed 13 Sep 2023 12:00');
		expect(rows[1]).toHaveTextContent('Authentication conversation');
		expect(within(rows[1]!).getByTestId('countdown')).toHaveTextContent('23 h 59 min left');
		expect(screen.getByTestId('free-form')).toHaveTextContent(/^.*No.*templates only/);
	});

	it('use case 5 before the first template: nothing open, nothing charged', () => {
		panelAt('multiple-conversations', '2023-09-12T11:59:00+07:00');
		expect(screen.getByTestId('total')).toHaveTextContent('0.0000 USD');
		expect(screen.queryAllByTestId('active-session')).toHaveLength(0);
		expect(screen.getByTestId('active-sessions')).toHaveTextContent('Nothing open');
	});

	it('use case 1 while the window is open: Yes, until when and why; window and service conversation listed', () => {
		// 13:00, after the customer's second message restarted the window at 12:00.
		panelAt('service-conversation', '2023-09-12T13:00:00+07:00');
		const ff = screen.getByTestId('free-form');
		expect(ff).toHaveTextContent('Yes');
		expect(ff).toHaveTextContent('Until Wed 13 Sep 2023 12:00');
		expect(ff).toHaveTextContent('24 h from the customer’s last message (Tue 12 Sep 2023 12:00)');
		const rows = screen.getAllByTestId('active-session');
		expect(rows.map((r) => r.querySelector('strong')?.textContent)).toEqual([
			'Customer service window',
			'Service conversation'
		]);
		expect(rows[0]).toHaveTextContent('23 h left');
		expect(rows[1]).toHaveTextContent('21 h left');
		expect(screen.getByTestId('total')).toHaveTextContent('0.0190 USD');
	});

	it('use case 1 after the window closed: No, with when it closed', () => {
		panelAt('service-conversation', '2023-09-13T12:30:00+07:00');
		const ff = screen.getByTestId('free-form');
		expect(ff).toHaveTextContent('No');
		expect(ff).toHaveTextContent('closed at Wed 13 Sep 2023 12:00');
		// The second service conversation (opened 11:00) is still running; the window is not.
		expect(screen.getAllByTestId('active-session')).toHaveLength(1);
		expect(screen.getByTestId('total')).toHaveTextContent('0.0380 USD');
	});

	it('use case 2: the free entry point outlives the 24 h window', () => {
		panelAt('click-to-whatsapp', '2023-09-13T15:30:00+07:00');
		const rows = screen.getAllByTestId('active-session');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toHaveTextContent('Free entry point');
		expect(rows[0]).toHaveTextContent('1 d 18 h left');
		expect(screen.getByTestId('free-form')).toHaveTextContent('Templates stay free in the free entry point');
	});
});
