// The territory's map on the home page, as a phone user and a keyboard user get it: every shop
// and producer of the list is on it (alone, or named in a group when too close to be told apart),
// no two targets overlap (axe, WCAG 2.5.8, without leaving the map out), a marker opens its details
// with Enter or Space and Escape brings the focus back, and the controls speak the page's language.
// The tile server configured for the journeys never answers: tiles failing is the normal case here.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, visit, checkA11y, PHONE } from './lib.js';

const app = useApp();

/** Opens the map under the list and waits for its markers. */
async function openMap(page, show = 'Voir la carte', region = 'Carte des commerces et producteurs') {
	await page.getByText(show).click();
	const map = page.getByRole('region', { name: region });
	await map.locator('.leaflet-marker-icon[role="button"]').first().waitFor();
	return map;
}

/** The accessible names of the map's markers (a pin: the shop's name; a group: its count and names). */
const markerNames = (map) =>
	map.locator('.leaflet-marker-icon[role="button"]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));

const focusedLabel = (page) =>
	page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim());

describe('the home page map', () => {
	test('every shop of the list is on the map, reachable and named; axe passes with the map shown', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE, isMobile: true, hasTouch: true });
		await visit(page, '/');
		const listed = (await page.locator('a.trader-link h3').allInnerTexts()).map((name) => name.trim());
		assert.ok(listed.length > 5, 'the demo territory lists its shops and producers');
		const map = await openMap(page);
		await checkA11y(page);

		// Each name of the list is a marker's name, or is named by the group that holds it.
		const names = await markerNames(map);
		for (const name of listed)
			assert.ok(
				names.some((label) => label === name || label.includes(name)),
				`${name} is on the map`
			);
		const group = names.find((label) => /^\d+ commerces( et producteurs)? ici : /.test(label));
		assert.ok(group, `the town centre's shops, too close at this zoom, form a named group (markers: ${names.join(' | ')})`);

		// Controls in French; the tiles' attribution and Leaflet's credit are there.
		await map.getByRole('button', { name: 'Zoomer', exact: true }).waitFor();
		await map.getByRole('button', { name: 'Dézoomer', exact: true }).waitFor();
		await map.getByText('© Fond de carte de test').waitFor();
		await map.getByRole('link', { name: 'Leaflet' }).waitFor();

		// Keyboard: from the map, Tab reaches the first marker (the list's first entry, in the group).
		await map.focus();
		await page.keyboard.press('Tab');
		assert.equal(await focusedLabel(page), group);
		await page.keyboard.press('Enter');
		const popup = map.locator('.leaflet-popup');
		await popup.waitFor();
		assert.equal(await focusedLabel(page), listed[0], 'focus moves to the first shop of the group’s details');
		assert.equal(await popup.getByRole('link').count(), Number(group.split(' ')[0]), 'the details link to every shop of the group');
		await popup.getByRole('button', { name: 'Fermer le détail' }).waitFor();
		await checkA11y(page);
		await page.keyboard.press('Escape');
		await popup.waitFor({ state: 'detached' });
		assert.equal(await focusedLabel(page), group, 'Escape closes the details and gives the focus back to the marker');

		// Space opens them too; "zoom in" separates the group and keeps the focus on the first shop's marker.
		await page.keyboard.press(' ');
		await popup.waitFor();
		await popup.getByRole('button', { name: 'Zoomer pour les séparer' }).click();
		await page.waitForFunction(
			(before) => document.querySelectorAll('.map-canvas .leaflet-marker-icon[role="button"]').length > before,
			names.length
		);
		await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label')?.includes(name), listed[0]);
		await checkA11y(page);

		// A single shop's marker: its name, its details with a link to its page.
		const pin = map.getByRole('button', { name: listed[0], exact: true });
		if (await pin.count()) {
			await pin.press('Enter');
			await popup.getByRole('link', { name: listed[0] }).waitFor();
			await checkA11y(page);
		}
	});

	test('in English: the map’s controls and groups speak English', async (t) => {
		const { page } = await openPage(t, app);
		await visit(page, '/');
		await page.getByRole('button', { name: 'English' }).click();
		await page.getByRole('heading', { level: 1, name: /^Shops and producers of / }).waitFor();
		const map = await openMap(page, 'Show the map', 'Map of the shops and producers');
		await map.getByRole('button', { name: 'Zoom in', exact: true }).waitFor();
		await map.getByRole('button', { name: 'Zoom out', exact: true }).waitFor();
		const names = await markerNames(map);
		assert.ok(
			names.some((label) => /^\d+ shops( and producers)? here: /.test(label)),
			names.join(' | ')
		);
		await map
			.getByRole('button', { name: /shops( and producers)? here: / })
			.first()
			.click();
		await map.locator('.leaflet-popup').getByRole('button', { name: 'Close the details' }).waitFor();
		await checkA11y(page);
	});
});
