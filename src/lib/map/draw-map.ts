// The storefront map, loaded on demand (dynamic import) so Leaflet never weighs on a page's first load.
import L from 'leaflet';
import { m } from '#lib/paraglide/messages.js';
import { BADGE, PIN, groupByScreenDistance, type ScreenGroup } from './cluster.ts';
import { actLikeAButton, bindAccessiblePopup, createMap, type Tiles } from './leaflet-base.ts';

export type MapMarker = {
	kind: 'shop' | 'producer';
	latitude: number;
	longitude: number;
	name: string;
	href: string;
	/** Lines under the name in the popup: trade and town, distance, open now, products. */
	details: string[];
};

export type MapInput = Tiles & {
	markers: MapMarker[];
	/** The reference point of the distances (the visitor, a place typed in, the town centre). */
	here: { latitude: number; longitude: number; label: string } | null;
};

/** Kept free around the markers when the map is fitted, so the zoom buttons (top left) and the attribution (bottom right) cover none. */
const FIT_PADDING = { paddingTopLeft: L.point(68, 44), paddingBottomRight: L.point(24, 56) };
const MAX_ZOOM = 18;

const PIN_PATH = 'M12 1C6.5 1 2 5.3 2 10.7 2 17.6 12 31 12 31s10-13.4 10-20.3C22 5.3 17.5 1 12 1z';

/** Inline SVG markers: no image is fetched, from us or anyone. */
function pin(kind: MapMarker['kind']): L.DivIcon {
	const inner =
		kind === 'shop'
			? '<path d="M7 9h10l-1 3.5H8zM8 13.5h8V17H8z" fill="#fff"/>'
			: '<path d="M12 6c3 2 4 5 0 11-4-6-3-9 0-11z" fill="#fff"/>';
	return L.divIcon({
		className: `map-pin map-pin-${kind}`,
		html: `<svg viewBox="0 0 24 32" width="${PIN.width}" height="${PIN.height}" aria-hidden="true" focusable="false"><path d="${PIN_PATH}" stroke="#fff" stroke-width="1.5"/>${inner}</svg>`,
		iconSize: [PIN.width, PIN.height],
		iconAnchor: [PIN.width / 2, PIN.tipOffset],
		popupAnchor: [0, -32]
	});
}

/** Several shops or producers too close to be told apart at this zoom: a round badge with their count. */
function badge(members: MapMarker[]): L.DivIcon {
	const kinds = new Set(members.map((member) => member.kind));
	const kind = kinds.size === 1 ? [...kinds][0] : 'mixed';
	return L.divIcon({
		className: `map-group map-group-${kind}`,
		html: `<span aria-hidden="true">${members.length}</span>`,
		iconSize: [BADGE.size, BADGE.size],
		iconAnchor: [BADGE.size / 2, BADGE.size / 2],
		popupAnchor: [0, -BADGE.size / 2]
	});
}

/** How many, of what: "4 shops here". */
function groupCount(members: MapMarker[]): string {
	const count = members.length;
	if (members.every((member) => member.kind === 'producer')) return m.map_group_producers({ count });
	if (members.every((member) => member.kind === 'shop')) return m.map_group_shops({ count });
	return m.map_group_mixed({ count });
}

/** The accessible name of a group: how many, and every name (a screen reader hears who is there without opening it). */
const groupName = (members: MapMarker[]) =>
	m.map_group_label({ group: groupCount(members), names: members.map((member) => member.name).join(', ') });

/** The reference point: a dot, not a control (it opens nothing); the page's text says where the distances come from. */
const hereIcon = L.divIcon({
	className: 'map-here',
	html: '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="8" stroke="#fff" stroke-width="3"/></svg>',
	iconSize: [24, 24],
	iconAnchor: [12, 12]
});

/** One shop or producer in a popup, built as DOM nodes: names come from merchants and are never parsed as HTML. */
function entry(marker: MapMarker, into: HTMLElement): void {
	const title = document.createElement('a');
	title.href = marker.href;
	title.textContent = marker.name;
	into.append(title);
	for (const line of marker.details) {
		const p = document.createElement('p');
		p.textContent = line;
		into.append(p);
	}
}

function popup(marker: MapMarker): HTMLElement {
	const box = document.createElement('div');
	box.className = 'map-popup';
	entry(marker, box);
	return box;
}

/** A group's popup: every member with its link and details, and a button to zoom in on them when that would separate them. */
function groupPopup(members: MapMarker[], zoomIn: (() => void) | null): HTMLElement {
	const box = document.createElement('div');
	box.className = 'map-popup map-popup-group';
	const count = document.createElement('p');
	count.className = 'map-popup-count';
	count.textContent = groupCount(members);
	box.append(count);
	const list = document.createElement('ul');
	for (const member of members) {
		const item = document.createElement('li');
		entry(member, item);
		list.append(item);
	}
	box.append(list);
	if (zoomIn) {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'btn btn-secondary';
		button.textContent = m.map_group_zoom();
		button.addEventListener('click', zoomIn);
		box.append(button);
	}
	return box;
}

/** Draws the map into `container`; returns the function that removes it. */
export function drawMap(container: HTMLElement, input: MapInput): () => void {
	const map = createMap(container, { scrollWheelZoom: false, minZoom: 6, maxZoom: MAX_ZOOM, zoomSnap: 0.5 }, input);

	// The view first: which markers are grouped depends on the zoom.
	const points: L.LatLngExpression[] = input.markers.map((marker) => [marker.latitude, marker.longitude]);
	if (input.here) points.push([input.here.latitude, input.here.longitude]);
	if (points.length) map.fitBounds(L.latLngBounds(points), { ...FIT_PADDING, maxZoom: 15, animate: false });
	else map.setView([46.6, 2.4], 6);

	if (input.here) {
		const dot = L.marker([input.here.latitude, input.here.longitude], {
			icon: hereIcon,
			interactive: false,
			keyboard: false,
			zIndexOffset: -1000
		}).addTo(map);
		dot.getElement()?.setAttribute('role', 'img');
		dot.getElement()?.setAttribute('aria-label', input.here.label);
	}

	const layer = L.layerGroup().addTo(map);
	/** After "zoom in on this group": the shop whose marker takes the focus once the markers are redrawn. */
	let focusAfterZoom: MapMarker | null = null;

	function placeAlone(marker: MapMarker): L.Marker {
		const placed = L.marker([marker.latitude, marker.longitude], {
			icon: pin(marker.kind),
			title: marker.name,
			keyboard: true,
			riseOnHover: true
		}).addTo(layer);
		// A divIcon is a <div role="button">: the shop's name is its accessible name.
		placed.getElement()?.setAttribute('aria-label', marker.name);
		bindAccessiblePopup(placed, () => popup(marker));
		actLikeAButton(placed);
		return placed;
	}

	function placeGroup(group: ScreenGroup<MapMarker>): L.Marker {
		const name = groupName(group.members);
		const at = map.unproject([group.x, group.y], map.getZoom());
		const placed = L.marker(at, { icon: badge(group.members), title: name, keyboard: true, riseOnHover: true }).addTo(layer);
		placed.getElement()?.setAttribute('aria-label', name);
		const bounds = L.latLngBounds(group.members.map((member) => [member.latitude, member.longitude]));
		// Shops at the same address stay together at any zoom: no button then, the list is the answer.
		const zoomSeparates = () => map.getZoom() < MAX_ZOOM && map.getBoundsZoom(bounds, false, L.point(96, 96)) > map.getZoom();
		bindAccessiblePopup(placed, () =>
			groupPopup(
				group.members,
				zoomSeparates()
					? () => {
							focusAfterZoom = group.members[0];
							placed.closePopup();
							map.flyToBounds(bounds, { ...FIT_PADDING, maxZoom: MAX_ZOOM });
						}
					: null
			)
		);
		actLikeAButton(placed);
		return placed;
	}

	/** Redrawn at each zoom: markers whose targets would overlap become one group (WCAG 2.5.8, see cluster.ts). */
	function placeMarkers() {
		layer.clearLayers();
		const zoom = map.getZoom();
		const groups = groupByScreenDistance(input.markers, (marker) => map.project([marker.latitude, marker.longitude], zoom));
		for (const group of groups) {
			const placed = group.members.length === 1 ? placeAlone(group.members[0]) : placeGroup(group);
			if (focusAfterZoom && group.members.includes(focusAfterZoom)) placed.getElement()?.focus({ preventScroll: true });
		}
		focusAfterZoom = null;
	}

	placeMarkers();
	map.on('zoomend', placeMarkers);
	return () => map.remove();
}
