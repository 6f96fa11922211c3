// What both Leaflet maps share (the storefront map and the shop's pin map): the controls in the
// visitor's language, the tiles when configured, and popups that a keyboard or a screen reader can use.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './leaflet-base.css';
import { m } from '#lib/paraglide/messages.js';

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type Tiles = {
	/** Leaflet tile URL template; null: markers on a plain background. */
	tileUrl: string | null;
	/** Plain text (escaped here: Leaflet takes HTML). */
	attribution: string | null;
};

/** Leaflet's own credit, without its English tooltip (the flag is Leaflet's default, kept). */
const LEAFLET_CREDIT =
	'<a href="https://leafletjs.com" hreflang="en"><svg aria-hidden="true" focusable="false" width="12" height="8" viewBox="0 0 12 8" class="leaflet-attribution-flag"><path fill="#4C7BE1" d="M0 0h12v4H0z"/><path fill="#FFD500" d="M0 4h12v3H0z"/><path fill="#E0BC00" d="M0 7h12v1H0z"/></svg> Leaflet</a>';

/**
 * A Leaflet map whose zoom buttons are named in the page's language (Leaflet's are in English),
 * with the attribution of the tiles when there are tiles. Tiles failing to load (offline, tile
 * server down) leave the markers on the plain background: nothing else depends on them.
 */
export function createMap(container: HTMLElement, options: L.MapOptions, tiles: Tiles): L.Map {
	const map = L.map(container, { ...options, zoomControl: false, attributionControl: false });
	L.control.zoom({ zoomInTitle: m.map_zoom_in(), zoomOutTitle: m.map_zoom_out() }).addTo(map);
	L.control.attribution({ prefix: LEAFLET_CREDIT }).addTo(map);
	if (tiles.tileUrl) {
		L.tileLayer(tiles.tileUrl, { attribution: escapeHtml(tiles.attribution ?? ''), maxZoom: options.maxZoom }).addTo(map);
	}
	return map;
}

/**
 * Makes a focusable marker behave like the button it says it is: Space opens its popup as Enter
 * does (Leaflet only listens to Enter), Escape closes it.
 */
export function actLikeAButton(marker: L.Marker): void {
	marker.getElement()?.addEventListener('keydown', (event) => {
		if (event.key === ' ') {
			event.preventDefault();
			marker.togglePopup();
		} else if (event.key === 'Escape' && marker.isPopupOpen()) {
			event.stopPropagation();
			marker.closePopup();
		}
	});
}

/**
 * A popup usable from the keyboard: opened from the focused marker, focus moves to its first link
 * or button (the popup sits after all the markers in the page, Tab would not reach it next);
 * Escape closes it and focus goes back to the marker. Its close button is named in the page's language.
 */
export function bindAccessiblePopup(marker: L.Marker, content: () => HTMLElement, options: L.PopupOptions = {}): void {
	// Kept clear of the zoom buttons (top left) when Leaflet pans the map to show the popup; narrow enough for a phone.
	marker.bindPopup(content, {
		maxWidth: 240,
		maxHeight: 260,
		autoPanPaddingTopLeft: L.point(56, 8),
		autoPanPaddingBottomRight: L.point(8, 8),
		...options
	});
	marker.on('popupopen', (event: L.PopupEvent) => {
		const box = event.popup.getElement();
		if (!box) return;
		box.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', m.map_close_popup());
		box.onkeydown = (key) => {
			if (key.key !== 'Escape') return;
			key.stopPropagation();
			marker.closePopup();
		};
		const icon = marker.getElement();
		if (icon && document.activeElement === icon)
			box.querySelector<HTMLElement>('.map-popup a, .map-popup button')?.focus({ preventScroll: true });
	});
	marker.on('popupclose', (event: L.PopupEvent) => {
		const box = event.popup.getElement();
		const focus = document.activeElement;
		const focusWasInside = !focus || focus === document.body || Boolean(box?.contains(focus));
		const icon = marker.getElement();
		if (focusWasInside && icon?.isConnected) icon.focus({ preventScroll: true });
	});
}
