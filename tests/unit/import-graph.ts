/**
 * The import graph of src/lib, read with a regex (static `import … from`, `export … from` and
 * side-effect imports, type-only ones included), and its cycles. Used by layers.test.ts; quick
 * (a few hundred files) and dependency-free, at the price of resolving only the specifiers this
 * app writes: `$lib/…` and relative paths to .ts, .svelte.ts, .svelte, .js or a folder's index.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCE = /\.(ts|svelte)$/;
const SPECIFIER = /(?:^|[\s;}])(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.svelte.ts', '.js', '.svelte', '/index.ts'];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const file = path.join(dir, name);
		if (statSync(file).isDirectory()) return sourceFiles(file);
		return SOURCE.test(name) && !/\.test\.ts$/.test(name) ? [file] : [];
	});
}

function resolveSpecifier(from: string, spec: string, lib: string): string | null {
	let base: string;
	if (spec === '$lib' || spec.startsWith('$lib/')) base = path.join(lib, spec.slice(4));
	else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
	else return null;
	for (const ext of EXTENSIONS) {
		const file = base + ext;
		if (SOURCE.test(file) && existsSync(file) && statSync(file).isFile()) return file;
	}
	return null;
}

/** Edges file → files it imports, for every non-test .ts / .svelte file under `lib` (absolute paths). */
export function importGraph(lib: string): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const file of sourceFiles(lib)) {
		const text = readFileSync(file, 'utf8');
		const targets = new Set<string>();
		for (const m of text.matchAll(SPECIFIER)) {
			const target = resolveSpecifier(file, m[1] ?? '', lib);
			if (target) targets.add(target);
		}
		graph.set(file, [...targets].sort());
	}
	return graph;
}

/** Every strongly connected group of two or more files (or a file importing itself): each is a cycle. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
	// Tarjan's algorithm, iterative enough for a few hundred files.
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (v: string): void => {
		index.set(v, counter);
		low.set(v, counter++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!index.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
		}
		if (low.get(v) === index.get(v)) {
			const group: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				group.push(w);
			} while (w !== v);
			if (group.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(group.sort());
		}
	};
	for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
	return found;
}
