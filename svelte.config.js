import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The Content-Security-Policy's hash of each inline script in src/app.html (the theme script that
 * runs before the first paint), read from the file itself so an edit there cannot go stale here.
 * SvelteKit hashes its own start-up script.
 */
const appHtmlScriptHashes = [
	...readFileSync(new URL('./src/app.html', import.meta.url), 'utf8').matchAll(
		/<script>([\s\S]*?)<\/script>/g
	)
].map((m) => `sha256-${createHash('sha256').update(m[1]).digest('base64')}`);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A static site with one fallback page: every route is rendered in the browser (ssr = false).
		// BUILD_DIR / SK_OUT_DIR let parallel builds on one machine use their own folders.
		adapter: adapter({ pages: process.env.BUILD_DIR ?? 'build', fallback: 'index.html', strict: true }),
		outDir: process.env.SK_OUT_DIR ?? '.svelte-kit',
		paths: { relative: true },
		// Issue 13 point 11. Everything from this site only: no inline script without a hash, no eval,
		// workers from the site's own files, no plug-ins, no <base> or form posts elsewhere. Inline
		// styles stay allowed: Svelte's style: directives, d3 and app.html's `style="display: contents"`
		// set them, and a style cannot run code. A static site has no response headers, so SvelteKit
		// writes the policy as a <meta http-equiv> tag into every page it renders.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', ...appHtmlScriptHashes],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
