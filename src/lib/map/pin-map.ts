// The map of the shop's address, loaded on demand (dynamic import) like the storefront map: one
// pin the merchant drags (or moves with the arrow keys) to the shop's door; its position goes into
// the latitude/longitude fields of the form, which work on their own without JavaScript.
import L from 'leaflet';
import { createMap } from './leaflet-base.ts';

export type PinMapInput = {
	latitude: number;
	longitude: number;
	/** Leaflet tile URL template; null: the pin on a plain background. */
	tileUrl: string | null;
	attribution: string | null;
	/** Accessible name of the pin. */
	label: string;
	/** Called with the new position when the pin is dropped; absent: the pin cannot move. */
	onMove?: (position: { latitude: number; longitude: number }) => void;
};

const icon = L.divIcon({
	className: 'pin-map-pin',
	html: '<svg viewBox="0 0 24 32" width="32" height="42" aria-hidden="true" focusable="false"><path d="M12 1C6.5 1 2 5.3 2 10.7 2 17.6 12 31 12 31s10-13.4 10-20.3C22 5.3 17.5 1 12 1z" stroke="#fff" stroke-width="1.5"/><circle cx="12" cy="11" r="3.5" fill="#fff"/></svg>',
	iconSize: [32, 42],
	iconAnchor: [16, 41]
});

/** Arrow keys move a focused pin by about 5 m (a pin dragged with a finger is rarely that precise). */
const KEY_STEP = 0.00005;
const KEYS: Record<string, [number, number]> = {
	ArrowUp: [KEY_STEP, 0],
	ArrowDown: [-KEY_STEP, 0],
	ArrowLeft: [0, -KEY_STEP],
	ArrowRight: [0, KEY_STEP]
};

/** Draws the map with its pin into `container`; returns [move the pin, remove the map]. */
export function drawPinMap(container: HTMLElement, input: PinMapInput): { moveTo(lat: number, lng: number): void; remove(): void } {
	const movable = Boolean(input.onMove);
	const map = createMap(container, { scrollWheelZoom: false, minZoom: 5, maxZoom: 19, zoomSnap: 0.5, keyboard: false }, input);
	map.setView([input.latitude, input.longitude], 17);
	// A pin that can move is a control (focusable, arrow keys); one that cannot is a picture, not a button that does nothing.
	const marker = L.marker([input.latitude, input.longitude], {
		icon,
		draggable: movable,
		interactive: movable,
		keyboard: movable,
		title: input.label
	}).addTo(map);
	const element = marker.getElement();
	element?.setAttribute('aria-label', input.label);
	if (!movable) element?.setAttribute('role', 'img');
	const report = () => {
		const at = marker.getLatLng();
		input.onMove?.({ latitude: Math.round(at.lat * 1e6) / 1e6, longitude: Math.round(at.lng * 1e6) / 1e6 });
	};
	marker.on('dragend', report);
	if (input.onMove) {
		// A click on the map drops the pin there: easier than dragging on a small phone screen.
		map.on('click', (event: L.LeafletMouseEvent) => {
			marker.setLatLng(event.latlng);
			report();
		});
		element?.addEventListener('keydown', (event) => {
			const step = KEYS[event.key];
			if (!step) return;
			event.preventDefault();
			const at = marker.getLatLng();
			marker.setLatLng([at.lat + step[0], at.lng + step[1]]);
			report();
		});
	}
	return {
		moveTo(lat, lng) {
			marker.setLatLng([lat, lng]);
			map.panTo([lat, lng]);
		},
		remove: () => map.remove()
	};
}
