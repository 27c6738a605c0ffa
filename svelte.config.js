import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			fallback: undefined,
			precompress: process.env.PRECOMPRESS !== '0',
			strict: true
		}),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		output: { bundleStrategy: 'split' },
		// every page's CSS (about 25 KB, 6 KB compressed) goes into its HTML: no stylesheet request
		// blocks the first paint of the prerendered charts, which would otherwise queue behind the
		// module preloads on a slow connection
		inlineStyleThreshold: 40_000
	}
};

export default config;
