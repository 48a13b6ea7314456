/**
 * A pointer drag with capture, framework-free: mouse, pen and touch alike. The owner decides on
 * pointerdown whether the gesture takes the pointer (`filter`), so several drags can share one node
 * without fighting. A second finger or Escape cancels: multi-touch belongs to pinch-zoom, and a
 * person must be able to back out of a drag.
 */
import type { Attachment } from 'svelte/attachments';

export interface DragDelta {
	dx: number;
	dy: number;
}

export interface DragOptions {
	/** Whether this gesture takes the pointer; return false to leave it to another. */
	filter?: (e: PointerEvent) => boolean;
	/** Pixels to travel before it counts as a drag; a release before that is a click (`moved` false). */
	threshold?: number;
	onStart?: (e: PointerEvent) => void;
	onMove?: (e: PointerEvent, d: DragDelta) => void;
	onEnd?: (e: PointerEvent, moved: boolean) => void;
	onCancel?: () => void;
}

export function drag(node: Element, opts: DragOptions): () => void {
	let active: { id: number; x0: number; y0: number; moved: boolean } | null = null;
	const el = node as HTMLElement;

	const finish = () => {
		if (!active) return;
		if (el.hasPointerCapture?.(active.id)) el.releasePointerCapture(active.id);
		window.removeEventListener('keydown', onKey, true);
		active = null;
	};
	const cancel = () => {
		if (!active) return;
		finish();
		opts.onCancel?.();
	};
	const onKey = (e: KeyboardEvent) => {
		if (e.key !== 'Escape') return;
		e.preventDefault();
		e.stopPropagation();
		cancel();
	};
	const onDown = (e: PointerEvent) => {
		if (active) return cancel();
		if (e.pointerType === 'mouse' && e.button !== 0) return;
		if (opts.filter && !opts.filter(e)) return;
		active = { id: e.pointerId, x0: e.clientX, y0: e.clientY, moved: false };
		el.setPointerCapture?.(e.pointerId);
		window.addEventListener('keydown', onKey, true);
		opts.onStart?.(e);
	};
	const onMove = (e: PointerEvent) => {
		if (!active || e.pointerId !== active.id) return;
		const dx = e.clientX - active.x0;
		const dy = e.clientY - active.y0;
		if (!active.moved && Math.hypot(dx, dy) < (opts.threshold ?? 0)) return;
		active.moved = true;
		opts.onMove?.(e, { dx, dy });
	};
	const onUp = (e: PointerEvent) => {
		if (!active || e.pointerId !== active.id) return;
		const moved = active.moved;
		finish();
		opts.onEnd?.(e, moved);
	};
	const onPointerCancel = (e: PointerEvent) => {
		if (active && e.pointerId === active.id) cancel();
	};

	node.addEventListener('pointerdown', onDown as EventListener);
	node.addEventListener('pointermove', onMove as EventListener);
	node.addEventListener('pointerup', onUp as EventListener);
	node.addEventListener('pointercancel', onPointerCancel as EventListener);
	return () => {
		finish();
		node.removeEventListener('pointerdown', onDown as EventListener);
		node.removeEventListener('pointermove', onMove as EventListener);
		node.removeEventListener('pointerup', onUp as EventListener);
		node.removeEventListener('pointercancel', onPointerCancel as EventListener);
	};
}

/** `{@attach dragAttachment({...})}` */
export const dragAttachment =
	(opts: DragOptions): Attachment =>
	(node) =>
		drag(node, opts);
