/**
 * Where a mark's popup goes in the viewport: centred under the mark, or above it when the room below
 * is too small (and above has more), never past the viewport's edges; narrower on a phone.
 */
export const POPUP_WIDTH = 300;
/** Gap between the mark's centre and the popup. */
const GAP = 14;
/** Margin kept from the viewport's edges. */
const EDGE = 8;

export interface PopupPlacement {
	left: number;
	top: number;
	width: number;
	above: boolean;
}

export function popupPlacement(p: {
	x: number;
	y: number;
	height: number;
	viewport: { width: number; height: number };
}): PopupPlacement {
	const width = Math.max(160, Math.min(POPUP_WIDTH, p.viewport.width - 2 * EDGE));
	const left = Math.max(EDGE, Math.min(p.viewport.width - width - EDGE, p.x - width / 2));
	const below = p.y + GAP;
	const roomBelow = p.viewport.height - EDGE - below;
	const roomAbove = p.y - GAP - EDGE;
	const above = p.height > roomBelow && roomAbove > roomBelow;
	const top = above ? Math.max(EDGE, p.y - GAP - p.height) : below;
	return { left, top, width, above };
}
