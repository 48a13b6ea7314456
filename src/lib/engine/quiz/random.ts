/**
 * A small seeded random source (mulberry32): the same seed gives the same questions on every
 * machine, so a quiz can be shared, retaken and checked.
 */
export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max]. */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	chance(p: number): boolean;
	/** The items in a random order (a copy). */
	shuffle<T>(items: readonly T[]): T[];
}

export function seeded(seed: number): Random {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		pick: <T>(items: readonly T[]) => items[int(0, items.length - 1)] as T,
		chance: (p: number) => next() < p,
		shuffle: <T>(items: readonly T[]) => {
			const out = [...items];
			for (let i = out.length - 1; i > 0; i--) {
				const j = int(0, i);
				[out[i], out[j]] = [out[j] as T, out[i] as T];
			}
			return out;
		}
	};
}
