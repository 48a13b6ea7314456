/**
 * Frame timing for the benchmark: each pointermove (or wheel) starts a measurement that ends once the
 * frame it caused has run rAF, style, layout and paint: a task posted from the next rAF callback runs
 * after that frame's rendering steps. performance.measure('tl-frame') records each; the runner
 * awaits `__tl.settled()` between moves so that every move gets its own frame.
 */
declare global {
	interface Window {
		__tl: { ready: boolean; frames: number[]; settled: () => Promise<void>; reset: () => void };
	}
}

export function installFrameProbe(): void {
	const frames: number[] = [];
	let pending: Promise<void> = Promise.resolve();
	const start = (e: Event) => {
		if (e.type === 'pointermove' && (e as PointerEvent).buttons === 0) return;
		const t0 = performance.now();
		performance.mark('tl-move');
		pending = new Promise((resolve) => {
			requestAnimationFrame(() => {
				const ch = new MessageChannel();
				ch.port1.onmessage = () => {
					frames.push(performance.now() - t0);
					performance.measure('tl-frame', 'tl-move');
					resolve();
				};
				ch.port2.postMessage(0);
			});
		});
	};
	// Capture on window: the clock starts before any handler of the timeline runs.
	window.addEventListener('pointermove', start, { capture: true });
	window.addEventListener('wheel', start, { capture: true, passive: true });
	window.__tl = {
		ready: false,
		frames,
		settled: () => pending,
		reset: () => {
			frames.length = 0;
			performance.clearMeasures('tl-frame');
		}
	};
}
