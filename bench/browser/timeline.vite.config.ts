/**
 * A self-contained Vite dev server for the timeline benchmark and screenshots (port 5391): it mounts
 * src/lib/timeline/Timeline.svelte on a bare page, outside SvelteKit and its routes.
 *   npx vite --config bench/browser/timeline.vite.config.ts
 */
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
	root: here,
	plugins: [svelte({ configFile: false, preprocess: vitePreprocess(), compilerOptions: { runes: true } })],
	resolve: { alias: { $lib: `${repo}src/lib` } },
	build: { rollupOptions: { input: `${here}timeline.html` } },
	server: { port: 5391, strictPort: true, host: '127.0.0.1', fs: { allow: [repo] } },
	logLevel: 'warn'
});
