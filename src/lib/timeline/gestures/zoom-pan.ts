/**
 * Wheel, pinch and background-drag navigation for a horizontal time axis, framework-free. It only
 * computes new domains (with the pure maths in ../scale) and hands them to `setDomain`; the owner
 * clamps and stores them. Wheel zooms around the cursor, Shift+wheel or a sideways swipe pans; two
 * touching fingers pinch; one pointer on the background pans.
 */
import type { Attachment } from 'svelte/attachments';
import { panByPixels, pinchDomain, pointerToTime, zoomAround, type Domain } from '../scale';
import { drag } from './drag';

export interface ZoomPanOptions {
	getDomain: () => Domain;
	setDomain: (d: Domain) => void;
	/** Whether a single-pointer press may pan (e.g. not on a mark or the playhead). */
	canPan?: (e: PointerEvent) => boolean;
	/** A press on the background released without moving. */
	onTap?: (e: PointerEvent) => void;
}

/** Pixels of a line-mode wheel notch (Firefox reports lines). */
const LINE_PX = 16;

export function zoomPan(node: HTMLElement, opts: ZoomPanOptions): () => void {
	const local = (clientX: number) => {
		const r = node.getBoundingClientRect();
		return { x: clientX - r.left, width: r.width || node.clientWidth };
	};

	const onWheel = (e: WheelEvent) => {
		const scale = e.deltaMode === 1 ? LINE_PX : e.deltaMode === 2 ? 400 : 1;
		const dx = e.deltaX * scale;
		const dy = e.deltaY * scale;
		const { x, width } = local(e.clientX);
		const domain = opts.getDomain();
		e.preventDefault();
		if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) {
			opts.setDomain(panByPixels(domain, -(e.shiftKey && !dx ? dy : dx), width));
			return;
		}
		// Trackpad pinches arrive as ctrl+wheel with small deltas: more zoom per pixel for them.
		const factor = Math.exp(-dy * (e.ctrlKey ? 0.01 : 0.0015));
		opts.setDomain(zoomAround(domain, pointerToTime(x, domain, width), factor));
	};

	// Pinch: two pointers each keep the instant they landed on under them.
	const touches = new Map<number, number>();
	let pinch: { a: number; b: number; ta: number; tb: number } | null = null;
	const onDown = (e: PointerEvent) => {
		touches.set(e.pointerId, e.clientX);
		if (touches.size !== 2) return;
		const [a, b] = [...touches.keys()] as [number, number];
		const domain = opts.getDomain();
		const pa = local(touches.get(a) ?? 0);
		const pb = local(touches.get(b) ?? 0);
		pinch = { a, b, ta: pointerToTime(pa.x, domain, pa.width), tb: pointerToTime(pb.x, domain, pb.width) };
		// After this event's dispatch: a one-finger drag on the node cancels itself and releases its capture first.
		queueMicrotask(() => {
			for (const id of [a, b]) {
				try {
					node.setPointerCapture?.(id);
				} catch {
					// The finger lifted before the microtask ran: nothing to capture.
				}
			}
		});
	};
	const onMove = (e: PointerEvent) => {
		if (!touches.has(e.pointerId)) return;
		touches.set(e.pointerId, e.clientX);
		if (!pinch) return;
		const pa = local(touches.get(pinch.a) ?? 0);
		const pb = local(touches.get(pinch.b) ?? 0);
		const next = pinchDomain(pinch.ta, pinch.tb, pa.x, pb.x, pa.width);
		if (next) opts.setDomain(next);
	};
	const onUp = (e: PointerEvent) => {
		touches.delete(e.pointerId);
		if (touches.size < 2) pinch = null;
	};

	let panFrom: Domain | null = null;
	const stopPan = drag(node, {
		threshold: 3,
		filter: (e) => touches.size <= 1 && (opts.canPan?.(e) ?? true),
		onStart: () => (panFrom = opts.getDomain()),
		onMove: (e, { dx }) => {
			if (panFrom) opts.setDomain(panByPixels(panFrom, dx, local(e.clientX).width));
		},
		onEnd: (e, moved) => {
			panFrom = null;
			if (!moved) opts.onTap?.(e);
		},
		onCancel: () => (panFrom = null)
	});

	node.addEventListener('wheel', onWheel, { passive: false });
	node.addEventListener('pointerdown', onDown, true);
	node.addEventListener('pointermove', onMove, true);
	node.addEventListener('pointerup', onUp, true);
	node.addEventListener('pointercancel', onUp, true);
	return () => {
		stopPan();
		node.removeEventListener('wheel', onWheel);
		node.removeEventListener('pointerdown', onDown, true);
		node.removeEventListener('pointermove', onMove, true);
		node.removeEventListener('pointerup', onUp, true);
		node.removeEventListener('pointercancel', onUp, true);
	};
}

/** `{@attach zoomPanAttachment({...})}` */
export const zoomPanAttachment =
	(opts: ZoomPanOptions): Attachment<HTMLElement> =>
	(node) =>
		zoomPan(node, opts);
