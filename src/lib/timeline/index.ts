/** The timeline's public surface: the component and the pure helpers the page and tests may use. */
export { default as Timeline } from './Timeline.svelte';
export { default as Playhead } from './Playhead.svelte';
export {
	timeScale,
	timeToX,
	pointerToTime,
	zoomAround,
	pan,
	panByPixels,
	clampDomain,
	fitDomain,
	pinchDomain,
	MIN_SPAN,
	MAX_SPAN,
	MIN_FIT_SPAN,
	type Domain
} from './scale';
export { zonedTicks, pickInterval, TICK_INTERVALS, type Tick, type TickInterval } from './ticks';
export {
	LANES,
	laneRows,
	laneItems,
	contentExtent,
	type LaneId,
	type LaneRow,
	type TimelineMark,
	type TimelineBand
} from './lanes';
export { visibleSlice, hitTest, pickLabels, markAriaLabel } from './marks';
export { playheadForKey, playheadValueText } from './playhead-keys';
export { DENSE_THRESHOLD } from './canvas-marks';
export { drag, dragAttachment, type DragOptions } from './gestures/drag';
export { zoomPan, zoomPanAttachment, type ZoomPanOptions } from './gestures/zoom-pan';
