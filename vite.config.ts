import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide.config.js';

export default defineConfig({
	plugins: [
		// Under Vitest the messages are compiled beforehand (npm test); the plugin's watcher would keep it alive.
		...(process.env.VITEST ? [] : [paraglideVitePlugin(paraglideOptions)]),
		sveltekit({
			adapter: adapter({ out: 'build', precompress: true }),
			// The service worker only carries web push for the back office: registered by the opt-in
			// button (scope /pro/), not on every visitor's first page.
			serviceWorker: { register: false },
			// The strict CSP: hashes/nonces for SvelteKit's own inline bootstrap script.
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:', 'blob:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none']
				}
			}
		})
	],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
		globalSetup: ['tests/setup/global.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks'
	}
});
