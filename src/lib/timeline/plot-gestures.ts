/**
 * Who gets a press on the plot, decided on pointerdown: the playhead's track and handle scrub (its
 * line too, unless a mark lies under it), a message mark is clicked or dragged to a new time,
 * anything else pans (and a tap there seeks). Wheel and pinch zoom everywhere. The Timeline supplies state through getters, so these closures
 * always read the current view and the attachment is created once.
 */
import type { Attachment } from 'svelte/attachments';
import type { EpochMs } from '$lib/domain/units';
import { drag } from './gestures/drag';
import { zoomPan } from './gestures/zoom-pan';
import type { TimelineMark } from './lanes';
import { pointerToTime, type Domain } from './scale';
import { snapPlayhead, snapToMinute } from './timeline-text';

export interface MoveDraft {
	m: TimelineMark;
	at: EpochMs;
}

export interface PlotContext {
	domain: () => Domain;
	setDomain: (d: Domain) => void;
	plotWidth: () => number;
	playhead: () => EpochMs;
	/** Clamps to the scenario's range. */
	setPlayhead: (t: number) => void;
	markUnder: (e: PointerEvent) => TimelineMark | null;
	editable: () => boolean;
	setDraft: (d: MoveDraft | null) => void;
	setHovered: (m: TimelineMark | null) => void;
	activate: (m: TimelineMark) => void;
	move: (event: number, at: EpochMs) => void;
}

const isScrub = (e: Event) => !!(e.target as Element | null)?.closest?.('[data-scrub]');
/** The playhead's line across the lanes (not its badge or the axis track). */
const onLine = (e: Event) => !!(e.target as Element | null)?.closest?.('[data-scrub-line]');

export const plotGestures =
	(ctx: PlotContext): Attachment<HTMLElement> =>
	(node) => {
		const timeAt = (clientX: number, left: number) =>
			pointerToTime(clientX - left, ctx.domain(), ctx.plotWidth());
		const left = () => node.getBoundingClientRect().left;
		const msPerPx = () => (ctx.domain()[1] - ctx.domain()[0]) / ctx.plotWidth();
		const seek = (t: number) => ctx.setPlayhead(snapPlayhead(t, msPerPx()));
		// A mark under the playhead's line wins: a clicked mark (the playhead jumps onto it) can then be
		// dragged. The badge and the axis track always scrub.
		const scrubs = (e: PointerEvent) => isScrub(e) && !(onLine(e) && ctx.markUnder(e) !== null);

		// Scrub: a press on the axis track jumps there; then the playhead follows the pointer's travel.
		let scrub: { from: EpochMs; start: EpochMs; msPerPx: number } | null = null;
		const stopScrub = drag(node, {
			filter: scrubs,
			onStart: (e) => {
				const from = ctx.playhead();
				if ((e.target as Element).closest('.track')) seek(timeAt(e.clientX, left()));
				scrub = { from, start: ctx.playhead(), msPerPx: msPerPx() };
			},
			onMove: (_e, { dx }) => {
				if (scrub) seek(scrub.start + dx * scrub.msPerPx);
			},
			onEnd: () => (scrub = null),
			onCancel: () => {
				if (scrub) ctx.setPlayhead(scrub.from);
				scrub = null;
			}
		});

		// A press on a mark is a click unless it travels 4 px; then (if editable) it drags the message.
		let press: { m: TimelineMark; left: number } | null = null;
		let draft: MoveDraft | null = null;
		const setDraft = (d: MoveDraft | null) => ctx.setDraft((draft = d));
		const stopMark = drag(node, {
			threshold: 4,
			filter: (e) => !scrubs(e) && ctx.markUnder(e) !== null,
			onStart: (e) => {
				const m = ctx.markUnder(e);
				press = m && { m, left: left() };
				ctx.setHovered(null);
			},
			onMove: (e) => {
				if (ctx.editable() && press)
					setDraft({ m: press.m, at: snapToMinute(timeAt(e.clientX, press.left)) });
			},
			onEnd: () => {
				const p = press;
				const to = draft;
				press = null;
				setDraft(null);
				if (!p) return;
				if (!to) ctx.activate(p.m);
				else if (to.at !== p.m.at) ctx.move(p.m.event, to.at);
			},
			onCancel: () => {
				press = null;
				setDraft(null);
			}
		});

		const stopNav = zoomPan(node, {
			getDomain: ctx.domain,
			setDomain: ctx.setDomain,
			canPan: (e) => !scrubs(e) && ctx.markUnder(e) === null,
			onTap: (e) => seek(timeAt(e.clientX, left()))
		});

		const hover = (e: PointerEvent) => ctx.setHovered(scrub || press || e.buttons ? null : ctx.markUnder(e));
		const leave = () => ctx.setHovered(null);
		node.addEventListener('pointermove', hover);
		node.addEventListener('pointerleave', leave);
		return () => {
			stopScrub();
			stopMark();
			stopNav();
			node.removeEventListener('pointermove', hover);
			node.removeEventListener('pointerleave', leave);
		};
	};
