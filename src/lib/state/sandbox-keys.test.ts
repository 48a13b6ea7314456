import { describe, expect, it } from 'vitest';
import { keyAction, type KeyPress } from './sandbox-keys';

describe('keyboard shortcuts', () => {
	const k = (key: string, o: Partial<KeyPress> = {}): KeyPress => ({
		key,
		ctrlKey: false,
		metaKey: false,
		shiftKey: false,
		altKey: false,
		inField: false,
		inSlider: false,
		...o
	});
	it('maps undo/redo, stepping and presentation', () => {
		expect(keyAction(k('z', { ctrlKey: true }), false)).toBe('undo');
		expect(keyAction(k('Z', { metaKey: true, shiftKey: true }), false)).toBe('redo');
		expect(keyAction(k('y', { ctrlKey: true }), false)).toBe('redo');
		expect(keyAction(k(','), false)).toBe('prev');
		expect(keyAction(k('.'), false)).toBe('next');
		expect(keyAction(k('p'), false)).toBe('toggle-presentation');
		expect(keyAction(k('Escape'), true)).toBe('exit-presentation');
		expect(keyAction(k('ArrowRight'), true)).toBe('next');
		expect(keyAction(k(' '), true)).toBe('next');
	});
	it('leaves typing, the slider and plain arrows alone', () => {
		expect(keyAction(k('p', { inField: true }), false)).toBeNull();
		expect(keyAction(k('z', { ctrlKey: true, inField: true }), false)).toBeNull();
		expect(keyAction(k('ArrowRight'), false)).toBeNull();
		expect(keyAction(k('ArrowRight', { inSlider: true }), true)).toBeNull();
		expect(keyAction(k('Escape'), false)).toBeNull();
	});
});
