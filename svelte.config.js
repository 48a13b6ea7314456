import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A static site with one fallback page: every route is rendered in the browser (ssr = false).
		// BUILD_DIR / SK_OUT_DIR let parallel builds on one machine use their own folders.
		adapter: adapter({ pages: process.env.BUILD_DIR ?? 'build', fallback: 'index.html', strict: true }),
		outDir: process.env.SK_OUT_DIR ?? '.svelte-kit',
		paths: { relative: true }
	}
};

export default config;
