/**
 * The sandbox's keyboard shortcuts as a pure mapping from a key press to an action, so the page's
 * window listener stays one line and the mapping is testable without a DOM.
 */
export type KeyAction = 'undo' | 'redo' | 'prev' | 'next' | 'toggle-presentation' | 'exit-presentation';

export interface KeyPress {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
	altKey: boolean;
	/** Typing into a field (input, select, textarea, contenteditable): only Escape counts there. */
	inField: boolean;
	/** The timeline's playhead slider or another widget that uses arrow keys has focus. */
	inSlider: boolean;
}

export function keyAction(k: KeyPress, presenting: boolean): KeyAction | null {
	if (k.key === 'Escape') return presenting ? 'exit-presentation' : null;
	if (k.inField || k.altKey) return null;
	const mod = k.ctrlKey || k.metaKey;
	const key = k.key.toLowerCase();
	if (mod) {
		if (key === 'z') return k.shiftKey ? 'redo' : 'undo';
		if (key === 'y' && !k.shiftKey) return 'redo';
		return null;
	}
	if (key === 'p') return 'toggle-presentation';
	if (k.key === ',') return 'prev';
	if (k.key === '.') return 'next';
	if (presenting && !k.inSlider) {
		if (k.key === 'ArrowLeft' || k.key === 'ArrowUp' || k.key === 'PageUp') return 'prev';
		if (k.key === 'ArrowRight' || k.key === 'ArrowDown' || k.key === 'PageDown') return 'next';
		if (k.key === ' ') return k.shiftKey ? 'prev' : 'next';
	}
	return null;
}

/** Reads the facts keyAction needs off a DOM keyboard event. */
export function keyPressOf(e: KeyboardEvent): KeyPress {
	const t = e.target instanceof Element ? e.target : null;
	const inField = !!t?.closest('input, select, textarea, [contenteditable=""], [contenteditable="true"]');
	const inSlider = !!t?.closest('[role="slider"]');
	return {
		key: e.key,
		ctrlKey: e.ctrlKey,
		metaKey: e.metaKey,
		shiftKey: e.shiftKey,
		altKey: e.altKey,
		inField,
		inSlider
	};
}
