/**
 * Only the rows on screen (issue 13 point 9): a library of 10,000 runs listed in full took 150,000
 * DOM nodes and seconds to draw. From VIRTUAL_FROM rows on, the list draws the rows in view (plus a
 * margin) between two spacers as tall as the rows left out, so the page scrolls as if all were
 * there. Rows are measured, not assumed: the first drawn row gives the height of every row.
 */
import { untrack } from 'svelte';

/** Shorter lists are drawn whole (find-in-page and the browser tests see every row). */
export const VIRTUAL_FROM = 200;
/** Rows drawn above and below the screen, so a fast scroll does not show blank space. */
const OVERSCAN = 15;

export class VisibleRows {
	/** First and one-past-last index drawn. */
	start = $state(0);
	end = $state(VIRTUAL_FROM);
	/** Height of one row in px (measured once rows are drawn). */
	rowHeight = $state(56);
	/** The table body whose rows are counted (bound by the page). */
	body = $state<HTMLElement | null>(null);
	#count: () => number;

	constructor(count: () => number) {
		this.#count = count;
		$effect(() => {
			const n = this.#count();
			const body = this.body;
			if (n < VIRTUAL_FROM || !body) return;
			let frame = 0;
			const update = () => {
				cancelAnimationFrame(frame);
				frame = requestAnimationFrame(() => this.#measure(body, n));
			};
			untrack(() => this.#measure(body, n));
			window.addEventListener('scroll', update, { passive: true });
			window.addEventListener('resize', update);
			return () => {
				cancelAnimationFrame(frame);
				window.removeEventListener('scroll', update);
				window.removeEventListener('resize', update);
			};
		});
	}

	get active(): boolean {
		return this.#count() >= VIRTUAL_FROM;
	}

	/** Height of the spacers above and below the drawn rows. */
	get before(): number {
		return this.active ? this.start * this.rowHeight : 0;
	}
	get after(): number {
		return this.active ? Math.max(0, this.#count() - this.end) * this.rowHeight : 0;
	}

	/** The rows to draw, with their index in the whole list. */
	slice<T>(items: readonly T[]): T[] {
		return this.active ? items.slice(this.start, Math.min(this.end, items.length)) : [...items];
	}

	#measure(body: HTMLElement, n: number): void {
		const row = body.querySelector<HTMLElement>('tr[data-testid="run-row"]');
		if (row && row.offsetHeight > 0) this.rowHeight = row.offsetHeight;
		const h = this.rowHeight;
		// The body's top relative to the screen: negative once scrolled past.
		const top = body.getBoundingClientRect().top;
		const first = Math.floor(Math.max(0, -top) / h);
		const onScreen = Math.ceil(window.innerHeight / h) + 1;
		const start = Math.max(0, Math.min(n - 1, first) - OVERSCAN);
		const end = Math.min(n, first + onScreen + OVERSCAN);
		if (start !== this.start) this.start = start;
		if (end !== this.end) this.end = end;
	}
}
