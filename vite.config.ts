import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
