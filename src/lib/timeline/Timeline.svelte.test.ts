import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCaseById } from '$lib/domain/use-cases';
import { asEpochMs, DAY, HOUR, MINUTE, type EpochMs } from '$lib/domain/units';
import { replay } from '$lib/engine/replay';
import { contentExtent } from './lanes';
import { fitDomain, pointerToTime, timeToX, type Domain } from './scale';
import Timeline from './Timeline.svelte';

function setup(id: string, extra: Record<string, unknown> = {}) {
	const uc = useCaseById(id);
	if (!uc) throw new Error(`no use case ${id}`);
	const ledger = replay(uc.scenario);
	const first = asEpochMs(ledger.messages[0]?.at ?? 0);
	const props = $state({
		scenario: uc.scenario,
		ledger,
		playhead: first,
		selected: null as number | null,
		...extra
	});
	const r = render(Timeline, { props });
	return { ...r, ledger, props, first, extent: contentExtent(ledger) as Domain };
}

// No vitest globals here, so testing-library cannot register its own cleanup.
afterEach(cleanup);

const at = (iso: string) => asEpochMs(Date.parse(iso));
const slider = () => screen.getByRole('slider', { name: 'Playhead' });
const now = () => Number(slider().getAttribute('aria-valuenow'));

describe('the playhead slider', () => {
	it('exposes its range and value as epoch ms and its time in words in the scenario zone', () => {
		const { first, extent } = setup('service-conversation');
		expect(now()).toBe(first);
		expect(slider()).toHaveAttribute('aria-valuemin', String(extent[0]));
		expect(slider()).toHaveAttribute('aria-valuemax', String(extent[1]));
		expect(slider()).toHaveAttribute('aria-valuetext', 'Tue 12 Sep 2023 09:00, Asia/Jakarta');
	});

	it('steps a minute with an arrow, an hour with Shift+arrow, a day with Page Up, and writes back through bind:playhead', async () => {
		const { first, props } = setup('service-conversation');
		await fireEvent.keyDown(slider(), { key: 'ArrowRight' });
		expect(now()).toBe(first + MINUTE);
		expect(props.playhead).toBe(first + MINUTE);
		await fireEvent.keyDown(slider(), { key: 'ArrowRight', shiftKey: true });
		expect(now()).toBe(first + MINUTE + HOUR);
		await fireEvent.keyDown(slider(), { key: 'ArrowLeft' });
		expect(now()).toBe(first + HOUR);
		await fireEvent.keyDown(slider(), { key: 'PageUp' });
		expect(now()).toBe(first + HOUR + DAY);
		expect(slider()).toHaveAttribute('aria-valuetext', 'Wed 13 Sep 2023 10:00, Asia/Jakarta');
	});

	it('goes to the start and end of the scenario with Home and End', async () => {
		const { extent } = setup('service-conversation');
		await fireEvent.keyDown(slider(), { key: 'End' });
		// The last window end: the second service conversation expires Thu 14 Sep 11:00 Jakarta time.
		expect(now()).toBe(at('2023-09-14T11:00+07:00'));
		expect(now()).toBe(extent[1]);
		await fireEvent.keyDown(slider(), { key: 'Home' });
		expect(now()).toBe(at('2023-09-12T09:00+07:00'));
	});

	it('follows a parent that moves it (the page replays, the timeline only draws)', async () => {
		const { props } = setup('service-conversation');
		props.playhead = at('2023-09-12T15:30+07:00');
		await Promise.resolve();
		expect(slider()).toHaveAttribute('aria-valuetext', 'Tue 12 Sep 2023 15:30, Asia/Jakarta');
	});
});

describe('scrubbing with the pointer', () => {
	it('a press on the axis jumps the playhead there, a drag moves it with the pointer, Escape puts it back', async () => {
		const { container, extent, first } = setup('click-to-whatsapp', { width: 932 });
		const domain = fitDomain(extent);
		const track = container.querySelector('.track') as Element;
		const x0 = timeToX(at('2023-09-13T12:00+07:00'), domain, 800);
		await fireEvent.pointerDown(track, { pointerId: 3, button: 0, clientX: x0, clientY: 20 });
		// Zoomed out (a pixel is minutes wide), a pointer-placed playhead lands on a whole minute.
		const pressed = Math.round(pointerToTime(x0, domain, 800) / MINUTE) * MINUTE;
		expect(now()).toBe(pressed);
		await fireEvent.pointerMove(track, { pointerId: 3, clientX: x0 + 100, clientY: 20 });
		const msPerPx = (domain[1] - domain[0]) / 800;
		expect(now()).toBe(Math.round((pressed + 100 * msPerPx) / MINUTE) * MINUTE);
		await fireEvent.keyDown(window, { key: 'Escape' });
		expect(now()).toBe(first);
	});

	it('a tap on an empty lane seeks there', async () => {
		const { container, extent } = setup('click-to-whatsapp', { width: 932 });
		const domain = fitDomain(extent);
		const svg = container.querySelector('.plot svg') as Element;
		const x = timeToX(at('2023-09-14T06:00+07:00'), domain, 800);
		await fireEvent.pointerDown(svg, { pointerId: 4, button: 0, clientX: x, clientY: 300 });
		await fireEvent.pointerUp(svg, { pointerId: 4, button: 0, clientX: x, clientY: 300 });
		expect(now()).toBe(Math.round(pointerToTime(x, domain, 800) / MINUTE) * MINUTE);
		expect(Math.abs(now() - at('2023-09-14T06:00+07:00'))).toBeLessThan(HOUR);
	});
});

describe('message marks', () => {
	it('are buttons named by time, type, outcome and charge', () => {
		setup('multiple-conversations');
		const marks = screen.getAllByRole('button', { name: /template/ });
		expect(marks.map((m) => m.getAttribute('aria-label'))).toEqual([
			'Tue 12 Sep 2023 12:00, Marketing template, charged, 0.0411 USD',
			'Tue 12 Sep 2023 12:05, Authentication template, charged, 0.0300 USD'
		]);
		expect(marks.every((m) => m.getAttribute('tabindex') === '0')).toBe(true);
	});

	it('Enter selects the message and moves the playhead to it', async () => {
		const onselectevent = vi.fn();
		const { props } = setup('multiple-conversations', { onselectevent });
		const auth = screen.getByRole('button', { name: /Authentication template/ });
		await fireEvent.keyDown(auth, { key: 'Enter' });
		expect(onselectevent).toHaveBeenCalledWith(1);
		expect(props.playhead).toBe(at('2023-09-12T12:05+07:00'));
		expect(props.selected).toBe(1);
	});

	it('a click (press and release without moving) selects it too', async () => {
		const onselectevent = vi.fn();
		const onmoveevent = vi.fn();
		setup('multiple-conversations', { onselectevent, onmoveevent });
		const mark = screen.getByRole('button', { name: /Marketing template/ });
		await fireEvent.pointerDown(mark, { pointerId: 1, button: 0, clientX: 200, clientY: 50 });
		await fireEvent.pointerUp(mark, { pointerId: 1, button: 0, clientX: 200, clientY: 50 });
		expect(onselectevent).toHaveBeenCalledWith(0);
		expect(onmoveevent).not.toHaveBeenCalled();
		expect(now()).toBe(at('2023-09-12T12:00+07:00'));
	});

	it('a blocked message carries its reason in its name, and in a popup that describes it on focus', async () => {
		setup('service-conversation');
		const blocked = screen.getByRole('button', { name: /blocked/ });
		expect(blocked).toHaveAccessibleName(
			/^Wed 13 Sep 2023 13:00, Free-form business message \(service\), blocked, no charge, Blocked: .*131047/
		);
		await fireEvent.focusIn(blocked);
		const tip = screen.getByRole('tooltip');
		expect(tip).toHaveTextContent('API error 131047');
		expect(blocked).toHaveAccessibleDescription(/free-form messages need an open customer service window/);
	});
});

describe('moving a message', () => {
	const drag = async (el: Element, fromX: number, toX: number, escape = false) => {
		await fireEvent.pointerDown(el, { pointerId: 7, button: 0, clientX: fromX, clientY: 40 });
		await fireEvent.pointerMove(el, { pointerId: 7, clientX: toX, clientY: 40 });
		if (escape) await fireEvent.keyDown(window, { key: 'Escape' });
		await fireEvent.pointerUp(el, { pointerId: 7, button: 0, clientX: toX, clientY: 40 });
	};

	it('calls onmoveevent on drop with the instant under the pointer, on a whole minute', async () => {
		const onmoveevent = vi.fn<(i: number, t: EpochMs) => void>();
		const { extent } = setup('multiple-conversations', { onmoveevent, width: 932 });
		// jsdom has no layout: the plot starts at clientX 0 and is 932 − 132 (lane labels) = 800 px wide.
		const domain = fitDomain(extent);
		const from = timeToX(at('2023-09-12T12:00+07:00'), domain, 800);
		await drag(screen.getByRole('button', { name: /Marketing template/ }), from, from + 100);
		const expected = Math.round(pointerToTime(from + 100, domain, 800) / MINUTE) * MINUTE;
		expect(onmoveevent).toHaveBeenCalledTimes(1);
		expect(onmoveevent).toHaveBeenCalledWith(0, expected);
		expect(expected).toBeGreaterThan(at('2023-09-12T12:00+07:00') + HOUR);
	});

	it('Escape cancels the drag: nothing moves, nothing is selected', async () => {
		const onmoveevent = vi.fn();
		const onselectevent = vi.fn();
		setup('multiple-conversations', { onmoveevent, onselectevent });
		await drag(screen.getByRole('button', { name: /Marketing template/ }), 100, 220, true);
		expect(onmoveevent).not.toHaveBeenCalled();
		expect(onselectevent).not.toHaveBeenCalled();
	});

	it('does not move anything when not editable (presentation mode)', async () => {
		const onmoveevent = vi.fn();
		setup('multiple-conversations', { onmoveevent, editable: false });
		await drag(screen.getByRole('button', { name: /Marketing template/ }), 100, 220);
		expect(onmoveevent).not.toHaveBeenCalled();
	});
});

describe('dense views', () => {
	it('past the threshold, marks leave the tab order and a summary describes them', () => {
		// jsdom has no 2D context (and says so loudly): the canvas then simply draws nothing.
		vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
		setup('service-conversation', { denseThreshold: 2 });
		expect(screen.queryAllByRole('button', { name: /message/ })).toHaveLength(0);
		expect(screen.getByRole('group', { name: /Messages and windows/ })).toHaveAccessibleDescription(
			'5 messages in view: 2 from the customer, 2 charged (0.0380 USD), 0 without charge, 1 blocked, 0 failed. Zoom in to reach each message with the keyboard.'
		);
	});
});
