/**
 * The dense layer: message marks painted on a <canvas> when more than DENSE_THRESHOLD are in view.
 * Measured in bench/browser/TIMELINE.md: SVG holds ~1,500 marks comfortably while scrubbing, not
 * 10,000; but an edit re-prices every mark, and Svelte then updates each SVG mark's attributes and
 * label: a 1,000-mark view took ~100 ms an edit in SVG against ~70 ms on the canvas (sandbox bench,
 * 2 Dec 2026). So past a few hundred marks they become pixels (same shapes and colours as the SVG
 * marks) and the SVG keeps only bands, axis and the focus/drag affordances; zoomed in, each mark is
 * a focusable button again. (A view of hundreds of Tab stops was no keyboard aid anyway: the
 * message list and the playhead reach every event.)
 */
import { chargeLabel, type LabelSide } from './marks';
import { CONVERSATION_CATEGORIES } from '$lib/domain/scenario';
import type { LaneRow, MarkTone, TimelineMark } from './lanes';

export const DENSE_THRESHOLD = 250;

export type MarkStyle = 'solid' | 'hollow' | 'blocked' | 'failed';

/** One visual language for SVG and canvas: charged/received filled, no-charge hollow, blocked red ✕, failed grey slash. */
export function markStyle(m: Pick<TimelineMark, 'outcome'>): MarkStyle {
	switch (m.outcome) {
		case 'blocked':
			return 'blocked';
		case 'failed':
			return 'failed';
		case 'included':
		case 'free':
			return 'hollow';
		default:
			return 'solid';
	}
}

export type Palette = Record<MarkTone | 'blocked' | 'failed' | 'fg' | 'bg' | 'selected', string>;
const PALETTE_KEYS: (keyof Palette)[] = [
	'customer',
	...CONVERSATION_CATEGORIES,
	'blocked',
	'failed',
	'fg',
	'bg',
	'selected'
];

/**
 * The theme's colours (--tl-*, theme.css) as plain colours on `el`, so the canvas follows the theme.
 * Each is light-dark(…), which a canvas cannot parse: a probe inside the timeline (same scheme, same
 * custom properties) reads each back as the colour the browser picked.
 */
export function readPalette(el: Element): Palette {
	const probe = el.ownerDocument.createElement('span');
	probe.hidden = true;
	(el.parentElement ?? el).append(probe);
	try {
		return Object.fromEntries(
			PALETTE_KEYS.map((k) => {
				probe.style.color = `var(--tl-${k}, #888)`;
				return [k, getComputedStyle(probe).color || '#888'];
			})
		) as Palette;
	} finally {
		probe.remove();
	}
}

export interface DrawInput {
	marks: readonly TimelineMark[];
	x: (t: number) => number;
	rows: Record<string, LaneRow>;
	labelled: ReadonlyMap<number, LabelSide>;
	selected: number | null;
	palette: Palette;
	width: number;
	height: number;
}

/** Mark centre: below the middle of its lane, leaving room for the amount label above. */
export const markY = (row: LaneRow | undefined): number => (row ? row.y + row.height * 0.62 : 0);

/** Sprite box in CSS px: the largest mark (a 6.5 px diamond with its stroke) fits with a margin. */
const BOX = 16;

function paintShape(
	ctx: CanvasRenderingContext2D,
	shape: TimelineMark['shape'],
	style: MarkStyle,
	colour: string,
	bg: string
) {
	ctx.beginPath();
	if (shape === 'diamond') {
		ctx.moveTo(0, -6.5);
		ctx.lineTo(6.5, 0);
		ctx.lineTo(0, 6.5);
		ctx.lineTo(-6.5, 0);
		ctx.closePath();
	} else ctx.arc(0, 0, 5.5, 0, Math.PI * 2);
	ctx.lineWidth = 1.6;
	ctx.fillStyle = style === 'solid' ? colour : bg;
	ctx.strokeStyle = colour;
	ctx.setLineDash(style === 'failed' ? [2, 2] : []);
	ctx.fill();
	ctx.stroke();
	if (style === 'blocked' || style === 'failed') {
		ctx.setLineDash([]);
		ctx.beginPath();
		ctx.moveTo(-4, 4);
		ctx.lineTo(4, -4);
		if (style === 'blocked') {
			ctx.moveTo(-4, -4);
			ctx.lineTo(4, 4);
		}
		ctx.stroke();
	}
}

/**
 * One pre-drawn image per (shape, colour, style): stamping small bitmaps is cheap even in software
 * raster, where filling and stroking one 10,000-subpath path took ~300 ms a frame (measured under
 * --disable-gpu, see bench/browser/TIMELINE.md). An ImageBitmap, because drawing from a <canvas>
 * source snapshots that canvas on every call.
 */
type Sprite = ImageBitmap | HTMLCanvasElement;
const sprites = new Map<string, Sprite>();
function sprite(
	shape: TimelineMark['shape'],
	style: MarkStyle,
	colour: string,
	bg: string,
	dpr: number
): Sprite {
	const key = `${shape}|${style}|${colour}|${bg}|${dpr}`;
	let c = sprites.get(key);
	if (!c) {
		const size = Math.ceil(BOX * dpr);
		const off = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(size, size) : null;
		const el = off ? null : Object.assign(document.createElement('canvas'), { width: size, height: size });
		const ctx = (off?.getContext('2d') ?? el?.getContext('2d')) as CanvasRenderingContext2D | null;
		if (ctx) {
			ctx.setTransform(dpr, 0, 0, dpr, size / 2, size / 2);
			paintShape(ctx, shape, style, colour, bg);
		}
		c = off ? off.transferToImageBitmap() : (el as HTMLCanvasElement);
		if (sprites.size > 200) sprites.clear();
		sprites.set(key, c);
	}
	return c;
}

/** A small number per look (shape × style × tone), so the hot loop builds no strings. */
const SHAPES: readonly TimelineMark['shape'][] = ['circle', 'diamond'];
const STYLES: readonly MarkStyle[] = ['solid', 'hollow', 'blocked', 'failed'];
const TONES: readonly MarkTone[] = ['customer', ...CONVERSATION_CATEGORIES];
const LOOKS = SHAPES.length * STYLES.length * TONES.length;
const lookOf = (m: TimelineMark): number =>
	(SHAPES.indexOf(m.shape) * STYLES.length + STYLES.indexOf(markStyle(m))) * TONES.length +
	TONES.indexOf(m.tone);

export function drawMarks(ctx: CanvasRenderingContext2D, input: DrawInput, dpr = 1): void {
	const { marks, x, rows, labelled, palette, width, height } = input;
	ctx.clearRect(0, 0, width, height);
	// Whole device pixels: a stamp at a fractional offset is resampled (blurred, and slower).
	const snap = (v: number) => Math.round(v * dpr) / dpr;
	const customerY = snap(markY(rows.customer));
	const businessY = snap(markY(rows.business));
	// Zoomed out, many marks land on the same device pixel: a stamp already there is not stamped
	// again. One byte per (lane, device pixel, look), so 100,000 marks cost no hashing.
	const columns = Math.ceil(width * dpr) + 1;
	const stamped = new Uint8Array(2 * columns * LOOKS);
	const stamps: (Sprite | undefined)[] = [];
	// `x` is linear (timeScale): read as offset and slope once, not called per mark (d3's scale
	// interpolates and clamps on every call, a tenth of this loop at 100,000 marks).
	const t0 = marks[0]?.at ?? 0;
	const x0 = x(t0);
	const slope = (x(t0 + 86_400_000) - x0) / 86_400_000;
	for (const m of marks) {
		const look = lookOf(m);
		const px = snap(x0 + (m.at - t0) * slope);
		const column = Math.round(px * dpr);
		const customer = m.lane === 'customer';
		if (column >= 0 && column < columns) {
			const slot = ((customer ? 0 : columns) + column) * LOOKS + look;
			if (stamped[slot]) continue;
			stamped[slot] = 1;
		}
		let stamp = stamps[look];
		if (!stamp) {
			const style = markStyle(m);
			const colour =
				style === 'blocked' ? palette.blocked : style === 'failed' ? palette.failed : palette[m.tone];
			stamp = stamps[look] = sprite(m.shape, style, colour, palette.bg, dpr);
		}
		ctx.drawImage(stamp, px - BOX / 2, (customer ? customerY : businessY) - BOX / 2, BOX, BOX);
	}
	const sel = input.selected === null ? undefined : marks.find((m) => m.event === input.selected);
	if (sel) {
		ctx.beginPath();
		ctx.arc(x(sel.at), markY(rows[sel.lane]), 9, 0, Math.PI * 2);
		ctx.strokeStyle = palette.selected;
		ctx.lineWidth = 2;
		ctx.stroke();
	}
	ctx.fillStyle = palette.fg;
	ctx.font = '11px system-ui, sans-serif';
	ctx.textAlign = 'center';
	for (const m of marks)
		if (labelled.has(m.i)) ctx.fillText(chargeLabel(m), x(m.at), markY(rows[m.lane]) - 10);
}
