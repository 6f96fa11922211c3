// The storefront map, loaded on demand (dynamic import) so Leaflet never weighs on a page's first load.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

export type MapMarker = {
	kind: 'shop' | 'producer';
	latitude: number;
	longitude: number;
	name: string;
	href: string;
	/** Lines under the name in the popup: trade and town, distance, open now, products. */
	details: string[];
};

export type MapInput = {
	markers: MapMarker[];
	/** The reference point of the distances (the visitor, a place typed in, the town centre). */
	here: { latitude: number; longitude: number; label: string } | null;
	/** Leaflet tile URL template; null: markers on a plain background. */
	tileUrl: string | null;
	/** Plain text (escaped here: Leaflet takes HTML). */
	attribution: string | null;
};

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const PIN_PATH = 'M12 1C6.5 1 2 5.3 2 10.7 2 17.6 12 31 12 31s10-13.4 10-20.3C22 5.3 17.5 1 12 1z';

/** Inline SVG markers: no image is fetched, from us or anyone. */
function pin(kind: MapMarker['kind']): L.DivIcon {
	const inner =
		kind === 'shop'
			? '<path d="M7 9h10l-1 3.5H8zM8 13.5h8V17H8z" fill="#fff"/>'
			: '<path d="M12 6c3 2 4 5 0 11-4-6-3-9 0-11z" fill="#fff"/>';
	return L.divIcon({
		className: `map-pin map-pin-${kind}`,
		html: `<svg viewBox="0 0 24 32" width="28" height="36" aria-hidden="true" focusable="false"><path d="${PIN_PATH}" stroke="#fff" stroke-width="1.5"/>${inner}</svg>`,
		iconSize: [28, 36],
		iconAnchor: [14, 35],
		popupAnchor: [0, -32]
	});
}

const hereIcon = L.divIcon({
	className: 'map-here',
	html: '<svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false"><circle cx="10" cy="10" r="7" stroke="#fff" stroke-width="3"/></svg>',
	iconSize: [20, 20],
	iconAnchor: [10, 10]
});

/** Popup content built as DOM nodes: names come from merchants and are never parsed as HTML. */
function popup(marker: MapMarker): HTMLElement {
	const box = document.createElement('div');
	box.className = 'map-popup';
	const title = document.createElement('a');
	title.href = marker.href;
	title.textContent = marker.name;
	box.append(title);
	for (const line of marker.details) {
		const p = document.createElement('p');
		p.textContent = line;
		box.append(p);
	}
	return box;
}

/** Draws the map into `container`; returns the function that removes it. */
export function drawMap(container: HTMLElement, input: MapInput): () => void {
	const map = L.map(container, { scrollWheelZoom: false, minZoom: 6, maxZoom: 18, zoomSnap: 0.5 });
	if (input.tileUrl) {
		L.tileLayer(input.tileUrl, { attribution: escapeHtml(input.attribution ?? ''), maxZoom: 18 }).addTo(map);
	}
	const points: L.LatLngExpression[] = [];
	for (const marker of input.markers) {
		const at: L.LatLngExpression = [marker.latitude, marker.longitude];
		points.push(at);
		const placed = L.marker(at, { icon: pin(marker.kind), title: marker.name, keyboard: true, riseOnHover: true })
			.bindPopup(() => popup(marker))
			.addTo(map);
		// A divIcon is a <div role="button">: give it the shop's name as its accessible name.
		placed.getElement()?.setAttribute('aria-label', marker.name);
	}
	if (input.here) {
		const at: L.LatLngExpression = [input.here.latitude, input.here.longitude];
		points.push(at);
		const placed = L.marker(at, { icon: hereIcon, title: input.here.label, keyboard: true, zIndexOffset: -100 })
			.bindPopup(escapeHtml(input.here.label))
			.addTo(map);
		placed.getElement()?.setAttribute('aria-label', input.here.label);
	}
	if (points.length) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
	else map.setView([46.6, 2.4], 6);
	return () => map.remove();
}
