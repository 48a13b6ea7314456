import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The pricing worker under a fixed name, `_app/pricing.worker.js`: a script in src/app.html starts
 * it for a long share link before the app's code has loaded, so it must be nameable without the
 * build's manifest. It is one file (it imports no chunk); the other workers keep SvelteKit's hashed
 * names. Outside `_app/immutable`, so a host does not cache it as never-changing.
 */
const pricingWorkerName: Plugin = {
	name: 'wa:pricing-worker-name',
	config: () => ({
		worker: {
			rollupOptions: {
				output: {
					entryFileNames: (chunk: { name: string }) =>
						chunk.name === 'pricing.worker'
							? '_app/pricing.worker.js'
							: '_app/immutable/workers/[name]-[hash].js'
				}
			}
		}
	})
};

export default defineConfig({
	plugins: [sveltekit(), pricingWorkerName],
	// Module workers (the bulk pricing path) are built as ES modules, so they can share chunks.
	worker: { format: 'es' },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'node',
					environment: 'node',
					include: [
						'src/lib/{domain,engine,storage}/**/*.test.ts',
						'src/cli/**/*.test.ts',
						'tests/unit/**/*.test.ts'
					]
				}
			},
			{
				extends: true,
				// @xstate/svelte must resolve Svelte through the `module`/`browser` conditions,
				// or a second Svelte copy loads and fails with lifecycle_outside_component.
				resolve: { conditions: ['module', 'browser', 'development'] },
				test: {
					name: 'jsdom',
					environment: 'jsdom',
					include: ['src/lib/{ui,timeline,state}/**/*.test.ts', 'src/routes/**/*.test.ts'],
					setupFiles: ['./tests/setup-jsdom.ts']
				}
			}
		]
	}
});
