/**
 * How fast this machine is right now, on a fixed workload that is not this project's code: numbers
 * generated, sorted and boxed into objects (arithmetic, a native sort, allocation and garbage
 * collection). Machines and their load differ from run to run (BENCHMARKS.md has figures from two
 * CPUs, and the same one at different speeds): figures compare only between runs whose calibration
 * agrees. Self-contained, so the sandbox bench can run it in the page too (Playwright sends its source).
 */
export function calibrationMs(): number {
	const times: number[] = [];
	for (let run = 0; run < 5; run++) {
		const t0 = performance.now();
		let seed = 1;
		const xs = new Float64Array(500_000);
		for (let i = 0; i < xs.length; i++) xs[i] = seed = (seed * 16_807) % 2_147_483_647;
		xs.sort();
		const boxed: { i: number; s: string }[] = [];
		for (let i = 0; i < 200_000; i++) boxed.push({ i, s: String(xs[i]) });
		if (boxed.length !== 200_000) throw new Error('unreachable');
		times.push(performance.now() - t0);
	}
	return times.sort((a, b) => a - b)[2] as number;
}
