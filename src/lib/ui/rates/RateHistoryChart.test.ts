import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import RateHistoryChart from './RateHistoryChart.svelte';

// jsdom has no layout: bind:clientWidth needs a ResizeObserver, which never fires here.
beforeEach(() => {
	vi.stubGlobal(
		'ResizeObserver',
		class {
			observe() {}
			unobserve() {}
			disconnect() {}
		}
	);
});
afterEach(() => {
	cleanup();
	vi.unstubAllGlobals();
});

describe('RateHistoryChart', () => {
	it('draws steps, a gap marker per card without a value, focusable labelled points and the selected date', async () => {
		const { container } = render(RateHistoryChart, {
			market: 'Indonesia',
			category: 'marketing',
			date: '2026-11-24'
		});
		// All 14 USD cards list Indonesia marketing at 0.0411.
		expect(screen.getByText(/Marketing in Indonesia, USD: 14 of 14 cards give a value/)).toBeInTheDocument();
		// One CBP run, one PMP run; no gap, so nothing carried forward.
		expect(container.querySelectorAll('path.run.card')).toHaveLength(2);
		expect(container.querySelectorAll('path.run.carried')).toHaveLength(0);
		const points = screen.getAllByTestId('chart-point');
		expect(points).toHaveLength(14);
		expect(points[0]).toHaveAttribute(
			'aria-label',
			'1 Jun 2023 · card 2023-06-01-USD · 0.0411 USD per conversation · Confirmed'
		);
		// 2025-04-01-USD.csv: Indonesia,marketing,0.0411,derived.
		expect(points[7]).toHaveAccessibleName(
			'1 Apr 2025 · card 2025-04-01-USD · 0.0411 USD per conversation · Derived'
		);
		expect(points[0]).toHaveAttribute('tabindex', '0');
		await fireEvent.focus(points[9]!);
		expect(container.querySelector('.tip')).toHaveTextContent(
			'1 Oct 2025 · card 2025-10-01-USD · 0.0411 USD per delivered message'
		);
		expect(screen.getByTestId('selected-date')).toHaveTextContent('24 Nov 2026');
	});

	it('service: values on the CBP cards to Oct 2024, gaps until the 2026-10-01 card, nothing carried forward', () => {
		const { container } = render(RateHistoryChart, {
			market: 'Indonesia',
			category: 'service',
			date: '2026-11-24'
		});
		expect(screen.getByText(/Service in Indonesia, USD: 6 of 14 cards give a value/)).toBeInTheDocument();
		expect(container.querySelectorAll('path.run.carried')).toHaveLength(0);
		expect(container.querySelectorAll('path.run.card')).toHaveLength(2);
		const points = screen.getAllByTestId('chart-point');
		expect(points[5]).toHaveAccessibleName(
			'1 Nov 2024 · card 2024-11-01-USD · no value on this card (not zero)'
		);
		expect(points[13]).toHaveAccessibleName(
			'1 Oct 2026 · card 2026-10-01-USD · 0.0250 USD per delivered message · Confirmed'
		);
	});

	it('reads the chosen currency’s cards only: Brazil marketing in BRL', () => {
		render(RateHistoryChart, {
			market: 'Brazil',
			category: 'marketing',
			date: '2026-11-10',
			currency: 'BRL'
		});
		expect(
			screen.getByText(/Marketing in Brazil, BRL: 2 of 2 cards give a value, all per delivered message/)
		).toBeInTheDocument();
		const points = screen.getAllByTestId('chart-point');
		// 2026-10-01-BRL.csv: Brazil,marketing,0.3217,derived.
		expect(points[1]).toHaveAccessibleName(
			'1 Oct 2026 · card 2026-10-01-BRL · 0.3217 BRL per delivered message · Derived'
		);
	});
});
