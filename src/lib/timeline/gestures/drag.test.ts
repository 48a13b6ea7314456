import { fireEvent } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drag, type DragOptions } from './drag';

let node: HTMLDivElement;
let stop: () => void;
const log: string[] = [];
const opts: DragOptions = {
	threshold: 4,
	onStart: () => log.push('start'),
	onMove: (_e, { dx }) => log.push(`move ${dx}`),
	onEnd: (_e, moved) => log.push(`end ${moved}`),
	onCancel: () => log.push('cancel')
};

beforeEach(() => {
	log.length = 0;
	node = document.createElement('div');
	document.body.append(node);
});
afterEach(() => {
	stop?.();
	node.remove();
});

const down = (id = 1, clientX = 10) =>
	fireEvent.pointerDown(node, { pointerId: id, button: 0, clientX, clientY: 0 });
const move = (clientX: number, id = 1) => fireEvent.pointerMove(node, { pointerId: id, clientX, clientY: 0 });
const up = (clientX: number, id = 1) => fireEvent.pointerUp(node, { pointerId: id, clientX, clientY: 0 });

describe('drag', () => {
	it('below the threshold a press is a click; past it, moves report the travel', async () => {
		stop = drag(node, opts);
		await down();
		await move(12);
		await up(12);
		await down();
		await move(30);
		await up(30);
		expect(log).toEqual(['start', 'end false', 'start', 'move 20', 'end true']);
	});
	it('Escape cancels, and the release that follows is ignored', async () => {
		stop = drag(node, opts);
		await down();
		await move(40);
		await fireEvent.keyDown(window, { key: 'Escape' });
		await up(40);
		expect(log).toEqual(['start', 'move 30', 'cancel']);
	});
	it('a second pointer cancels (it is a pinch), and the filter can refuse a press', async () => {
		stop = drag(node, opts);
		await down(1);
		await down(2, 50);
		expect(log).toEqual(['start', 'cancel']);
		stop();
		log.length = 0;
		const filter = vi.fn(() => false);
		stop = drag(node, { ...opts, filter });
		await down();
		await move(40);
		expect(filter).toHaveBeenCalledOnce();
		expect(log).toEqual([]);
	});
});
