// Which map markers are drawn alone and which are grouped, so that no two click targets overlap.
// Plain geometry in screen pixels (no Leaflet): the map projects its markers at the current zoom,
// this decides the groups, the map draws them. WCAG 2.5.8 asks each target to be at least 24×24 CSS
// pixels and not covered by another one; shops of one street share nearly the same point at a
// territory's zoom, so they become one group ("4 shops here") whose details list every name.

/** A marker's position on screen at the current zoom, in pixels. */
export type ScreenPoint = { x: number; y: number };

/** What is drawn: one marker alone (a pin) or several (a round badge with their count). */
export type ScreenGroup<T> = { members: T[]; x: number; y: number };

/** A drawn pin is 28×36 px with its tip on the point; a group's badge a 36 px circle centred on it. */
export const PIN = { width: 28, height: 36, tipOffset: 35 } as const;
export const BADGE = { size: 36 } as const;
/** Free space kept between two targets, on top of not overlapping. */
export const TARGET_GAP = 4;

/** The rectangle a group covers on screen (left, top, right, bottom). */
export function targetBox(group: { members: unknown[]; x: number; y: number }) {
	if (group.members.length === 1) {
		const left = group.x - PIN.width / 2;
		const top = group.y - PIN.tipOffset;
		return { left, top, right: left + PIN.width, bottom: top + PIN.height };
	}
	const half = BADGE.size / 2;
	return { left: group.x - half, top: group.y - half, right: group.x + half, bottom: group.y + half };
}

function tooClose(a: ScreenGroup<unknown>, b: ScreenGroup<unknown>): boolean {
	const p = targetBox(a);
	const q = targetBox(b);
	return p.left < q.right + TARGET_GAP && q.left < p.right + TARGET_GAP && p.top < q.bottom + TARGET_GAP && q.top < p.bottom + TARGET_GAP;
}

/**
 * Groups the markers whose targets would touch: two groups too close are merged (the badge sits
 * in the middle of its members) until no two targets are closer than TARGET_GAP. The order of the
 * input is kept, inside and across groups (the map's Tab order follows the list's).
 */
export function groupByScreenDistance<T>(markers: T[], at: (marker: T) => ScreenPoint): ScreenGroup<T>[] {
	const points = new Map<T, ScreenPoint>(markers.map((marker) => [marker, at(marker)]));
	let groups: ScreenGroup<T>[] = markers.map((marker) => ({ members: [marker], ...points.get(marker)! }));
	for (;;) {
		const pair = findClosePair(groups);
		if (!pair) return groups;
		const [i, j] = pair;
		const members = [...groups[i].members, ...groups[j].members].sort((a, b) => markers.indexOf(a) - markers.indexOf(b));
		const xs = members.map((member) => points.get(member)!.x);
		const ys = members.map((member) => points.get(member)!.y);
		const merged = { members, x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
		groups = [...groups.slice(0, i), merged, ...groups.slice(i + 1, j), ...groups.slice(j + 1)];
	}
}

function findClosePair(groups: ScreenGroup<unknown>[]): [number, number] | null {
	for (let i = 0; i < groups.length; i++) {
		for (let j = i + 1; j < groups.length; j++) if (tooClose(groups[i], groups[j])) return [i, j];
	}
	return null;
}
