/**
 * The initial JavaScript of every page, gzip, against the 150 KB budget (issue 14 point 10).
 *
 * The site is a SPA (one fallback index.html), so what a page loads first is what SvelteKit loads to
 * show it: the client entry (start + app and their static imports) plus, for each layout and the
 * page, the node's own file and its static imports. The build writes exactly those lists (the
 * `imports` of each server node and of the client entry, used for modulepreload links) under
 * SK_OUT_DIR/output/server; each file is read from the built site (BUILD_DIR) and gzipped (level 9,
 * as a static host would serve it). Code behind a dynamic import() is not counted: it loads later.
 *
 * `npx tsx bench/bundle-budget.ts` prints a line per page and exits 1 when a page is over budget;
 * `npm run bench` runs it and `npm run bench -- --write` records it in BENCHMARKS.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 150 * 1024;

export interface PageBundle {
	route: string;
	files: number;
	/** The files counted, as the build names them. */
	fileNames: string[];
	rawBytes: number;
	gzipBytes: number;
}

const listIn = (text: string, re: RegExp, what: string): string[] => {
	const m = re.exec(text);
	if (!m?.[1]) throw new Error(`no ${what} in the build manifest`);
	return JSON.parse(m[1]) as string[];
};

/** Every page route of the build (and the not-found page) with the JS it loads first. */
export function measureBundles(
	buildDir = process.env.BUILD_DIR ?? 'build',
	outDir = process.env.SK_OUT_DIR ?? '.svelte-kit'
): PageBundle[] {
	const server = join(outDir, 'output', 'server');
	const manifestFile = join(server, 'manifest-full.js');
	if (!existsSync(manifestFile) || !existsSync(join(buildDir, 'index.html')))
		throw new Error(`no build at ${buildDir} / ${outDir}: run "npx vite build" first`);
	const manifest = readFileSync(manifestFile, 'utf8');
	const entry = listIn(manifest, /client:\s*\{[^}]*?imports:(\[[^\]]*\])/, 'client entry');
	const nodeImports = (n: number) =>
		listIn(
			readFileSync(join(server, 'nodes', `${n}.js`), 'utf8'),
			/export const imports = (\[[^\]]*\])/,
			`imports of node ${n}`
		);
	const routes: { route: string; nodes: number[] }[] = [];
	const routeRe =
		/id:\s*"([^"]+)",[\s\S]*?page:\s*\{\s*layouts:\s*\[([\d,\s]*)\],\s*errors:\s*\[([\d,\s]*)\],\s*leaf:\s*(\d+)/g;
	const nums = (s: string) =>
		s
			.split(',')
			.filter((x) => x.trim() !== '')
			.map(Number);
	let rootError: number | null = null;
	for (let m = routeRe.exec(manifest); m; m = routeRe.exec(manifest)) {
		routes.push({ route: m[1] as string, nodes: [...nums(m[2] as string), Number(m[4])] });
		rootError ??= nums(m[3] as string)[0] ?? null;
	}
	// An unknown address: the root layout and the error page.
	if (rootError !== null) routes.push({ route: '(not found)', nodes: [0, rootError] });

	const sizes = new Map<string, { raw: number; gzip: number }>();
	const sizeOf = (file: string) => {
		let s = sizes.get(file);
		if (!s) {
			const bytes = readFileSync(join(buildDir, file));
			s = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
			sizes.set(file, s);
		}
		return s;
	};
	return routes.map(({ route, nodes }) => {
		const files = new Set([...entry, ...nodes.flatMap(nodeImports)].filter((f) => f.endsWith('.js')));
		let rawBytes = 0;
		let gzipBytes = 0;
		for (const f of files) {
			const s = sizeOf(f);
			rawBytes += s.raw;
			gzipBytes += s.gzip;
		}
		return { route, files: files.size, fileNames: [...files], rawBytes, gzipBytes };
	});
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function budgetLines(pages: PageBundle[]): string[] {
	const over = pages.filter((p) => p.gzipBytes > BUDGET_BYTES);
	return [
		`initial JavaScript per page, gzip -9 (budget ${kb(BUDGET_BYTES)}):`,
		...pages.map(
			(p) =>
				`  ${p.route.padEnd(22)} ${kb(p.gzipBytes).padStart(9)} gzip (${kb(p.rawBytes)} raw, ${p.files} files)${p.gzipBytes > BUDGET_BYTES ? '  OVER BUDGET' : ''}`
		),
		over.length
			? `budget NOT met by ${over.map((p) => p.route).join(', ')}`
			: `budget met by every page (largest ${kb(Math.max(...pages.map((p) => p.gzipBytes)))})`
	];
}

if (process.argv[1]?.endsWith('bundle-budget.ts')) {
	const pages = measureBundles();
	console.log(budgetLines(pages).join('\n'));
	if (pages.some((p) => p.gzipBytes > BUDGET_BYTES)) process.exit(1);
}
