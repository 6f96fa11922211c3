// Paraglide compile options, shared by the Vite plugin and `npm run i18n` (tests and
// svelte-check need the compiled messages before any build).
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// No locale in URLs: the choice is a cookie, then the browser's language, then French.
	strategy: ['cookie', 'preferredLanguage', 'baseLocale']
};
