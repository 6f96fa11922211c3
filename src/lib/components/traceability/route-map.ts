export type RoutePoint = { latitude: number; longitude: number; label: string; kind: 'producer' | 'step' | 'shop' | 'you' };

export const MAP_WIDTH = 320;
export const MAP_HEIGHT = 200;
const PAD = 28;

/**
 * Points placed on the small drawing of `RouteMap.svelte`: equirectangular projection scaled by
 * the cosine of the mean latitude (right for a few hundred km), north up, fitted with a margin,
 * the larger extent filling its room; points in a row, or one point, are centred.
 */
export function project(points: readonly { latitude: number; longitude: number }[]): { x: number; y: number }[] {
	if (points.length === 0) return [];
	const meanLat = points.reduce((sum, p) => sum + p.latitude, 0) / points.length;
	const k = Math.cos((meanLat * Math.PI) / 180);
	const xs = points.map((p) => p.longitude * k);
	const ys = points.map((p) => -p.latitude);
	const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const scale = Math.min((MAP_WIDTH - 2 * PAD) / (maxX - minX), (MAP_HEIGHT - 2 * PAD) / (maxY - minY));
	const s = Number.isFinite(scale) ? scale : 0;
	const cx = (minX + maxX) / 2;
	const cy = (minY + maxY) / 2;
	return xs.map((x, i) => ({ x: MAP_WIDTH / 2 + (x - cx) * s, y: MAP_HEIGHT / 2 + (ys[i] - cy) * s }));
}
