/**
 * The A4 label sheets the shelf labels are printed on, in millimetres, from the makers' templates
 * (Avery L71xx and the Herma sheets sold as compatible; the shelf-edge sheet is a plain 2 × 5 cut).
 * `pitchX`/`pitchY` are the distances from one label's corner to the next (label + gap).
 */
export type LabelLayout = {
	id: LayoutId;
	cols: number;
	rows: number;
	width: number;
	height: number;
	top: number;
	left: number;
	pitchX: number;
	pitchY: number;
};

export const LAYOUT_IDS = ['l7160', 'l7163', 'l7165', 'shelf'] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];

export const LAYOUTS: Record<LayoutId, LabelLayout> = {
	// 21 per sheet, 63.5 × 38.1 mm (Avery L7160, Herma 4677)
	l7160: { id: 'l7160', cols: 3, rows: 7, width: 63.5, height: 38.1, top: 15.15, left: 7.2, pitchX: 66.04, pitchY: 38.1 },
	// 14 per sheet, 99.1 × 38.1 mm (Avery L7163, Herma 4678)
	l7163: { id: 'l7163', cols: 2, rows: 7, width: 99.1, height: 38.1, top: 15.15, left: 4.65, pitchX: 101.6, pitchY: 38.1 },
	// 8 per sheet, 99.1 × 67.7 mm (Avery L7165, Herma 4679)
	l7165: { id: 'l7165', cols: 2, rows: 4, width: 99.1, height: 67.7, top: 13.1, left: 4.65, pitchX: 101.6, pitchY: 67.7 },
	// 10 shelf-edge labels, 105 × 57 mm (2 × 5, edge to edge)
	shelf: { id: 'shelf', cols: 2, rows: 5, width: 105, height: 57, top: 6, left: 0, pitchX: 105, pitchY: 57 }
};

export const perSheet = (layout: LabelLayout) => layout.cols * layout.rows;

/** At most this many labels in one PDF (a few dozen sheets): enough for a shop, bounded for the server. */
export const MAX_LABELS = 500;

/**
 * Where label number `index` (0-based, counting from the first free position `start`, 1-based)
 * lands: its page and its top-left corner in millimetres. Positions run left to right, then down.
 */
export function slot(layout: LabelLayout, start: number, index: number): { page: number; x: number; y: number } {
	const position = start - 1 + index;
	const page = Math.floor(position / perSheet(layout));
	const onPage = position % perSheet(layout);
	const col = onPage % layout.cols;
	const row = Math.floor(onPage / layout.cols);
	return { page, x: layout.left + col * layout.pitchX, y: layout.top + row * layout.pitchY };
}
