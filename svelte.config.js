import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A static site with one fallback page: every route is rendered in the browser (ssr = false).
		adapter: adapter({ fallback: 'index.html', strict: true }),
		paths: { relative: true }
	}
};

export default config;
