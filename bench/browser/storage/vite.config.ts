/**
 * A self-contained Vite page for the storage benchmark (port 5392): it loads the runs library
 * (src/lib/storage) on a bare page, outside SvelteKit and its routes, and exposes timed operations
 * to the Playwright runner (../storage-bench.ts).
 *   npx vite --config bench/browser/storage/vite.config.ts
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));

export default defineConfig({
	root: here,
	resolve: { alias: { $lib: `${repo}src/lib` } },
	build: { rollupOptions: { input: `${here}index.html` } },
	server: { port: 5392, strictPort: true, host: '127.0.0.1', fs: { allow: [repo] } },
	preview: { port: 5392, strictPort: true, host: '127.0.0.1' },
	logLevel: 'warn'
});
