// Shared harness of the browser journeys: the running app and Chromium, a fresh browser context
// per test, axe checks, demo accounts, sign-in and the operator's outbox.
//
// `node tests/e2e/run.js` starts ONE built server and ONE Chromium for all files and hands them
// over through E2E_BASE_URL and E2E_BROWSER_WS. A file run alone (`node --test
// tests/e2e/core.e2e.js`) starts its own server and Chromium instead.
import { before, after } from 'node:test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const DEMO_PASSWORD = 'echoppe-demo-2026';
export const DEMO = {
	operator: 'operateur@saint-aubin.demo',
	merchant: 'boulangerie@saint-aubin.demo',
	consumer: 'client@saint-aubin.demo'
};

export const PHONE = { width: 390, height: 844 };

/** WCAG levels axe checks on every page a journey reaches. */
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Chromium flags that work in containers and CI (no sandbox, no network chatter, no GPU). */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

/** The system Chromium: CHROMIUM_PATH, then the usual install paths; undefined when none. */
export function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
	return candidates.find((path) => path && existsSync(path));
}

/**
 * Launches Chromium with a fresh profile folder. `server: true` starts it as a browser server
 * other processes connect to (the test files); returns { browser | wsEndpoint, close }.
 */
export async function launchChromium({ server = false } = {}) {
	const executablePath = findChromium();
	if (!executablePath) throw new Error('No Chromium found: install one (apt-get install -y chromium) or set CHROMIUM_PATH');
	// Playwright refuses --user-data-dir in args for a non-persistent browser; it already uses a
	// fresh temporary profile. We still point HOME-like caches at a folder we remove afterwards.
	const scratch = mkdtempSync(join(tmpdir(), 'echoppe-chromium-'));
	const options = { executablePath, args: CHROMIUM_ARGS, env: { ...process.env, XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch } };
	const cleanup = () => rmSync(scratch, { recursive: true, force: true });
	if (server) {
		const browserServer = await chromium.launchServer(options);
		return { wsEndpoint: browserServer.wsEndpoint(), close: async () => (await browserServer.close(), cleanup()) };
	}
	const browser = await chromium.launch(options);
	return { browser, close: async () => (await browser.close(), cleanup()) };
}

/**
 * The app and browser of this test file, ready once the file's `before` hooks have run:
 * `const app = useApp();` at the top of a file, then `app.url`, `app.browser` inside tests.
 */
/**
 * The server reads the client's address from X-Forwarded-For, as behind a real proxy, and every
 * browser context (see openPage) is a visitor with an address of its own: the per-address limits
 * (sign-in, sign-up, checkout) then apply per visitor, as in real life, not to the whole suite.
 *
 * The maps get a tile server, as in production, but one that never answers (Chromium refuses
 * port 9, and nothing listens there): tiles fail to load as they would offline, and the maps'
 * markers, controls and attribution are checked as visitors get them.
 */
export const E2E_SERVER_ENV = {
	ADDRESS_HEADER: 'x-forwarded-for',
	MAP_TILE_URL: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png',
	MAP_TILE_ATTRIBUTION: '© Fond de carte de test'
};
let visitors = 0;
const nextVisitorAddress = () => {
	visitors += 1;
	return `10.${(process.pid >> 8) & 255}.${(visitors >> 8) & 255}.${visitors & 255}`;
};

export function useApp() {
	const app = { url: '', browser: /** @type {import('playwright-core').Browser} */ (/** @type {unknown} */ (null)) };
	const cleanups = [];
	before(async () => {
		if (process.env.E2E_BASE_URL && process.env.E2E_BROWSER_WS) {
			app.url = process.env.E2E_BASE_URL;
			app.browser = await chromium.connect(process.env.E2E_BROWSER_WS);
			cleanups.push(() => app.browser.close());
			return;
		}
		const { startServer } = await import('../setup/server.ts');
		const server = await startServer(E2E_SERVER_ENV);
		cleanups.push(() => server.stop());
		app.url = server.url;
		const launched = await launchChromium();
		cleanups.push(() => launched.close());
		app.browser = launched.browser;
	});
	after(async () => {
		for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
	});
	return app;
}

/**
 * A fresh browser context (own cookies) and page for one test, closed when the test ends.
 * Uncaught errors in the page fail the test: they are app bugs even when the page looks fine.
 * `options` go to browser.newContext (viewport, javaScriptEnabled, storageState…).
 */
export async function openPage(t, app, options = {}) {
	const context = await app.browser.newContext({
		baseURL: app.url,
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		...options,
		extraHTTPHeaders: { 'x-forwarded-for': nextVisitorAddress(), ...options.extraHTTPHeaders }
	});
	context.setDefaultTimeout(20_000);
	context.setDefaultNavigationTimeout(30_000);
	const page = await context.newPage();
	if (options.javaScriptEnabled === false) withoutJavaScript.add(page);
	const pageErrors = [];
	page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
	t.after(async () => {
		await context.close();
		if (pageErrors.length) throw new Error(`Uncaught errors in the page:\n${pageErrors.join('\n')}`);
	});
	return { context, page };
}

/** Navigates and checks the HTTP status (200 unless told otherwise). */
export async function visit(page, path, expectedStatus = 200) {
	const response = await page.goto(path);
	const status = response?.status();
	if (status !== expectedStatus) {
		throw new Error(`GET ${path}: expected HTTP ${expectedStatus}, got ${status} (at ${page.url()})`);
	}
	return response;
}

/**
 * Runs axe (WCAG 2.0/2.1/2.2 A and AA) on the page and fails with a readable list of the
 * violations: rule id, impact, what it asks, and the elements concerned.
 */
export async function checkA11y(page, { exclude = [], disableRules = [] } = {}) {
	if (withoutJavaScript.has(page)) return checkA11yOfCopy(page, { exclude, disableRules });
	// Colours are measured as drawn: a popup still fading in (a CSS transition) reads as a paler
	// colour than the one shown a moment later. Wait for running animations to end first.
	await page
		.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: 5000 })
		.catch(() => {});
	let builder = new AxeBuilder({ page }).withTags(A11Y_TAGS);
	for (const selector of exclude) builder = builder.exclude(selector);
	if (disableRules.length) builder = builder.disableRules(disableRules);
	const { violations } = await builder.analyze();
	if (!violations.length) return;
	const lines = violations.map((v) => {
		const nodes = v.nodes.slice(0, 8).map((n) => {
			const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ');
			const why = (n.failureSummary ?? '')
				.split('\n')
				.slice(1, 3)
				.map((s) => s.trim())
				.join(' / ');
			return `      - ${target}${why ? `  (${why})` : ''}`;
		});
		const more = v.nodes.length > 8 ? [`      … and ${v.nodes.length - 8} more`] : [];
		return [`  • ${v.id} [${v.impact}] ${v.help} — ${v.helpUrl}`, ...nodes, ...more].join('\n');
	});
	throw new Error(`Accessibility violations on ${page.url()}:\n${lines.join('\n')}`);
}

/** Pages opened with JavaScript disabled, where axe (a script) cannot run. */
const withoutJavaScript = new WeakSet();

/**
 * axe on a page shown without JavaScript: the same HTML, served at the same URL (so styles and
 * images load, and contrast is computed on the real rendering) in a context where axe can run
 * but the app's own scripts are blocked, so what is checked is exactly what the user saw.
 */
async function checkA11yOfCopy(page, options) {
	const html = await page.content();
	const url = page.url();
	const context = await page.context().browser().newContext({ locale: 'fr-FR', viewport: page.viewportSize() });
	try {
		await context.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()));
		await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
		const copy = await context.newPage();
		await copy.goto(url);
		await checkA11y(copy, options);
	} finally {
		await context.close();
	}
}

/** The password sign-in form of /connexion, found by its section heading. */
export function passwordForm(page) {
	return page.getByRole('region', { name: 'Avec votre mot de passe' });
}

/** The magic-link form of /connexion, found by its section heading. */
export function magicLinkForm(page) {
	return page.getByRole('region', { name: 'Sans mot de passe' });
}

/** Signs in through the password form, as a person would; waits until the page has left /connexion. */
export async function signIn(page, email, password = DEMO_PASSWORD, path = '/connexion') {
	await visit(page, path);
	const form = passwordForm(page);
	await form.getByLabel('Adresse e-mail').fill(email);
	await form.getByLabel('Mot de passe').fill(password);
	await form.getByRole('button', { name: 'Se connecter' }).click();
	const alert = form.getByRole('alert').first();
	const outcome = await Promise.race([
		page
			.waitForURL((url) => !url.pathname.startsWith('/connexion'), { timeout: 30_000 })
			.then(
				() => 'signed in',
				() => 'timeout'
			),
		alert.waitFor({ timeout: 30_000 }).then(
			() => 'refused',
			() => 'timeout'
		)
	]);
	if (outcome === 'refused') throw new Error(`Sign-in of ${email} refused: ${await alert.innerText()}`);
	if (outcome === 'timeout') throw new Error(`Sign-in of ${email}: still on ${page.url()} after 30 s`);
}

/**
 * The newest email sent to `address`, read as the operator in the admin outbox (/admin/e-mails,
 * newest first; columns Destinataire, Objet, Contenu…), in a browser context of its own so the
 * caller's session is untouched. Links are read, never followed: a sign-in link works once.
 * Returns { subject, text, links }.
 */
export async function newestEmail(t, app, address) {
	const { page } = await openPage(t, app);
	await signIn(page, DEMO.operator);
	await visit(page, '/admin/e-mails');
	const table = page.getByRole('table');
	const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
	const row = table.getByRole('row').filter({ hasText: address }).first();
	await row.waitFor().catch(() => {
		throw new Error(`No email to ${address} in /admin/e-mails`);
	});
	const cells = (await row.locator(':scope > th, :scope > td').allInnerTexts()).map((c) => c.trim());
	const cell = (name) => cells[headers.indexOf(name)] ?? '';
	const text = cell('Contenu') || cells.join('\n');
	const links = [...text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0]);
	return { subject: cell('Objet'), text, links };
}
