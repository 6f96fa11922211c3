import { createRandom, type Random } from '../../random.ts';

/**
 * Flat, deterministic SVG illustrations of products and shops, drawn with simple shapes, so the
 * demo territory (and a product without a photo) looks alive without shipping any image. The
 * same kind and seed always give the same picture; the seed varies colours and details.
 * Plain shapes and hex colours only, so image libraries (librsvg via sharp) render them too.
 */

type Draw = (r: Random) => string;

const n = (value: number) => String(Math.round(value * 10) / 10);

/** An HSL colour as a hex string; hue in degrees, saturation and lightness in percent. */
function hsl(hue: number, saturation: number, lightness: number): string {
	const h = (((hue % 360) + 360) % 360) / 360;
	const s = Math.min(100, Math.max(0, saturation)) / 100;
	const l = Math.min(100, Math.max(0, lightness)) / 100;
	const channel = (shift: number) => {
		const k = (shift + h * 12) % 12;
		const value = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
		return Math.round(value * 255)
			.toString(16)
			.padStart(2, '0');
	};
	return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** A colour near a base hue, varied a little by the seed. */
const near = (r: Random, hue: number, saturation: number, lightness: number, spread = 8) =>
	hsl(hue + r.between(-spread, spread), saturation + r.between(-6, 6), lightness + r.between(-5, 5));

const attrs = (extra: string) => (extra ? ` ${extra}` : '');
const circle = (cx: number, cy: number, radius: number, fill: string, extra = '') =>
	`<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(radius)}" fill="${fill}"${attrs(extra)}/>`;
const ellipse = (cx: number, cy: number, rx: number, ry: number, fill: string, extra = '') =>
	`<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="${fill}"${attrs(extra)}/>`;
const rect = (x: number, y: number, width: number, height: number, fill: string, radius = 0, extra = '') =>
	`<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}"${radius ? ` rx="${n(radius)}"` : ''} fill="${fill}"${attrs(extra)}/>`;
const path = (d: string, fill: string, extra = '') => `<path d="${d}" fill="${fill}"${attrs(extra)}/>`;
const stroke = (d: string, color: string, width: number, extra = '') =>
	`<path d="${d}" fill="none" stroke="${color}" stroke-width="${n(width)}" stroke-linecap="round"${attrs(extra)}/>`;
const rotate = (angle: number, cx: number, cy: number) => `transform="rotate(${n(angle)} ${n(cx)} ${n(cy)})"`;
const group = (content: string, extra: string) => `<g ${extra}>${content}</g>`;
const repeat = (count: number, draw: (index: number) => string) => Array.from({ length: count }, (_, i) => draw(i)).join('');

const WOOD = (r: Random) => near(r, 30, 45, 55, 5);

/** A wooden board the subject rests on. */
function board(r: Random, y = 222, width = 250): string {
	const wood = WOOD(r);
	return (
		rect(200 - width / 2, y, width, 22, wood, 11) + rect(200 - width / 2 + 14, y + 6, width - 28, 3, hsl(30, 40, 68), 1.5, 'opacity="0.6"')
	);
}

function plate(y = 228, width = 150, color = '#ffffff'): string {
	return ellipse(200, y, width, 24, hsl(220, 10, 82)) + ellipse(200, y - 4, width - 8, 20, color);
}

// ——— Bakery ———

const bread: Draw = (r) => {
	const crust = near(r, 32, 62, 48);
	const light = hsl(38, 70, 68);
	const shape = r.int(0, 2);
	if (shape === 0) {
		return (
			ellipse(200, 178, 112, 64, crust) +
			ellipse(192, 162, 84, 38, hsl(36, 66, 56), 'opacity="0.7"') +
			repeat(3, (i) => stroke(`M${150 + i * 38} ${186 - i * 4} q18 -34 40 -44`, light, 9))
		);
	}
	if (shape === 1) {
		return group(
			ellipse(200, 175, 140, 50, crust) +
				ellipse(195, 162, 115, 26, hsl(36, 66, 56), 'opacity="0.7"') +
				repeat(4, (i) => stroke(`M${110 + i * 50} 176 q18 -16 42 -24`, light, 8)),
			rotate(-6, 200, 175)
		);
	}
	return (
		path('M95 230 L95 150 Q95 95 150 95 Q200 80 250 95 Q305 95 305 150 L305 230 Z', crust) +
		path('M110 150 Q110 108 152 108 Q200 96 248 108 Q290 108 290 150', hsl(36, 66, 58), 'opacity="0.8"') +
		rect(95, 200, 210, 30, hsl(28, 55, 40), 4, 'opacity="0.5"')
	);
};

const baguette: Draw = (r) => {
	const crust = near(r, 34, 66, 52);
	const one = (y: number, angle: number) =>
		group(
			rect(60, y, 280, 42, crust, 21) +
				rect(70, y + 6, 260, 12, hsl(38, 70, 64), 6, 'opacity="0.7"') +
				repeat(5, (i) => stroke(`M${95 + i * 48} ${y + 30} l30 -18`, hsl(42, 75, 78), 6)),
			rotate(angle, 200, y + 21)
		);
	return one(120, -12) + one(165, -4) + (r.chance(0.5) ? one(200, 6) : '');
};

const croissant: Draw = (r) => {
	const dough = near(r, 34, 74, 56);
	const dark = hsl(28, 70, 38);
	const highlight = hsl(42, 80, 72);
	// A crescent, then the rolled bands drawn across it from the outer to the inner edge.
	const bands = repeat(6, (i) => {
		const angle = ((30 + i * 24) * Math.PI) / 180;
		const outer = [200 + 122 * Math.cos(angle), 214 - 92 * Math.sin(angle)];
		const inner = [200 + 80 * Math.cos(angle), 214 - 30 * Math.sin(angle)];
		const bend = [(outer[0] + inner[0]) / 2 - 10 * Math.sin(angle), (outer[1] + inner[1]) / 2 - 6];
		return stroke(`M${n(outer[0])} ${n(outer[1])} Q${n(bend[0])} ${n(bend[1])} ${n(inner[0])} ${n(inner[1])}`, dark, 3.5);
	});
	return (
		path(
			'M70 214 C80 90 320 90 330 214 C318 232 296 230 284 210 C262 176 138 176 116 210 C104 230 82 232 70 214 Z',
			dough,
			`stroke="${dark}" stroke-width="3"`
		) +
		path('M120 170 C150 128 250 128 280 170 C250 148 150 148 120 170 Z', highlight, 'opacity="0.7"') +
		bands
	);
};

const cake: Draw = (r) => {
	const sponge = near(r, 40, 60, 72);
	const icingHue = r.pick([340, 20, 45, 300, 0]);
	const icing = icingHue === 20 ? hsl(20, 45, 30) : hsl(icingHue, 70, 82);
	const layer = near(r, icingHue === 20 ? 20 : icingHue, 50, 55);
	const drips = repeat(7, (i) => ellipse(125 + i * 25, 128 + (i % 2) * 10, 9, 18 + (i % 3) * 6, icing));
	const fruit = r.pick([hsl(355, 80, 45), hsl(270, 45, 35), hsl(20, 85, 55)]);
	return (
		plate(236, 135) +
		rect(115, 120, 170, 110, sponge, 10) +
		rect(115, 160, 170, 12, layer) +
		rect(115, 195, 170, 12, layer) +
		rect(112, 108, 176, 26, icing, 13) +
		drips +
		repeat(5, (i) => circle(140 + i * 30, 104, 11, fruit) + circle(137 + i * 30, 100, 3, '#ffffff', 'opacity="0.6"'))
	);
};

const tart: Draw = (r) => {
	const crust = near(r, 34, 60, 60);
	const quiche = r.chance(0.35);
	const filling = quiche ? hsl(48, 75, 62) : r.pick([hsl(18, 85, 58), hsl(350, 70, 50), hsl(45, 80, 60), hsl(280, 35, 40)]);
	const topping = quiche
		? repeat(14, (i) =>
				circle(
					200 + Math.cos(i * 2.4) * (30 + (i % 4) * 18),
					178 + Math.sin(i * 2.4) * (10 + (i % 4) * 7),
					7,
					i % 2 ? hsl(100, 45, 40) : hsl(15, 60, 50)
				)
			)
		: repeat(12, (i) => {
				const angle = (i / 12) * 360;
				const radians = (angle * Math.PI) / 180;
				const cx = 200 + Math.cos(radians) * 70;
				const cy = 178 + Math.sin(radians) * 28;
				return ellipse(cx, cy, 22, 9, hsl(40, 70, 78), `stroke="${hsl(20, 60, 55)}" stroke-width="2" ${rotate(angle, cx, cy)}`);
			});
	return (
		ellipse(200, 200, 135, 50, hsl(28, 50, 42)) +
		rect(65, 175, 270, 25, crust) +
		ellipse(200, 175, 135, 50, crust) +
		ellipse(200, 176, 115, 40, filling) +
		topping +
		(quiche ? '' : circle(200, 176, 14, hsl(350, 75, 45)))
	);
};

const biscuits: Draw = (r) => {
	const dough = near(r, 36, 65, 62);
	const chip = hsl(20, 45, 25);
	const cookie = (cx: number, cy: number) =>
		ellipse(cx, cy + 8, 60, 20, hsl(30, 55, 45)) +
		ellipse(cx, cy, 60, 20, dough) +
		repeat(5, (i) => ellipse(cx - 36 + i * 18, cy + (i % 2 ? -6 : 6), 5, 3, chip));
	return board(r) + cookie(200, 205) + cookie(195, 180) + cookie(205, 155) + cookie(200, 130);
};

// ——— Butcher and caterer ———

const meat: Draw = (r) => {
	const red = near(r, 355, 62, 45, 4);
	return (
		board(r) +
		path('M110 150 Q105 95 175 95 Q250 85 290 125 Q320 160 290 200 Q255 225 190 215 Q120 210 110 150 Z', hsl(0, 40, 90)) +
		path('M122 150 Q120 108 178 106 Q245 100 280 132 Q303 160 282 192 Q252 212 192 203 Q132 198 122 150 Z', red) +
		stroke('M150 140 q30 -10 55 10 q25 20 55 5', hsl(0, 40, 80), 5) +
		stroke('M170 180 q25 -12 50 0', hsl(0, 40, 80), 4) +
		circle(245, 150, 18, hsl(40, 40, 92)) +
		circle(245, 150, 8, hsl(20, 30, 70))
	);
};

const sausage: Draw = (r) => {
	const skin = near(r, 10, 55, 45, 6);
	const link = (x: number, y: number, angle: number) =>
		group(
			rect(x, y, 160, 34, skin, 17) +
				rect(x + 14, y + 6, 120, 7, hsl(15, 60, 65), 3.5, 'opacity="0.6"') +
				circle(x - 3, y + 17, 5, hsl(40, 30, 80)) +
				circle(x + 163, y + 17, 5, hsl(40, 30, 80)),
			rotate(angle, x + 80, y + 17)
		);
	return board(r) + link(110, 170, -4) + link(130, 130, 6) + link(100, 95, -8);
};

const poultry: Draw = (r) => {
	const skin = near(r, 30, 70, 52);
	const light = hsl(38, 75, 66);
	return (
		plate(232, 150) +
		ellipse(200, 175, 100, 58, skin) +
		ellipse(190, 155, 70, 28, light, 'opacity="0.6"') +
		group(
			ellipse(110, 190, 38, 24, skin) +
				rect(58, 184, 30, 12, hsl(40, 40, 92), 6) +
				circle(58, 184, 8, hsl(40, 40, 92)) +
				circle(58, 196, 8, hsl(40, 40, 92)),
			rotate(-15, 110, 190)
		) +
		group(
			ellipse(290, 190, 38, 24, skin) +
				rect(312, 184, 30, 12, hsl(40, 40, 92), 6) +
				circle(342, 184, 8, hsl(40, 40, 92)) +
				circle(342, 196, 8, hsl(40, 40, 92)),
			rotate(15, 290, 190)
		) +
		repeat(4, (i) => circle(150 + i * 32, 230, 7, hsl(110, 45, 40)))
	);
};

const terrine: Draw = (r) => {
	const dish = near(r, r.pick([10, 200, 45]), 55, 48, 10);
	const pate = hsl(18, 40, 55);
	return (
		board(r) +
		path('M95 120 L305 120 L290 225 L110 225 Z', dish) +
		rect(90, 112, 220, 18, hsl(0, 0, 97), 9) +
		path('M230 150 L320 150 L320 215 L230 215 Z', pate) +
		rect(230, 150, 90, 10, hsl(45, 60, 80)) +
		repeat(6, (i) => circle(245 + (i % 3) * 28, 175 + Math.floor(i / 3) * 22, 4, hsl(350, 35, 75))) +
		rect(225, 150, 8, 65, hsl(40, 50, 40), 2)
	);
};

const dish: Draw = (r) => {
	const enamel = near(r, r.pick([5, 25, 200, 150, 45]), 65, 48, 8);
	const steam = hsl(0, 0, 100);
	return (
		ellipse(200, 230, 140, 14, '#000000', 'opacity="0.08"') +
		rect(80, 150, 240, 78, enamel, 30) +
		rect(60, 160, 30, 14, enamel, 7) +
		rect(310, 160, 30, 14, enamel, 7) +
		ellipse(200, 150, 124, 22, hsl(0, 0, 25)) +
		ellipse(200, 142, 126, 22, enamel) +
		ellipse(200, 132, 22, 9, hsl(0, 0, 20)) +
		ellipse(190, 180, 60, 10, '#ffffff', 'opacity="0.2"') +
		stroke('M160 110 q-12 -18 0 -32 q12 -16 0 -34', steam, 6, 'opacity="0.8"') +
		stroke('M240 110 q-12 -18 0 -32 q12 -16 0 -34', steam, 6, 'opacity="0.8"')
	);
};

// ——— Cheese, dairy, eggs ———

const cheese: Draw = (r) => {
	const shape = r.int(0, 2);
	const paste = near(r, 46, 80, 70, 5);
	const rind = near(r, 35, 60, 50);
	if (shape === 0) {
		return (
			board(r) +
			path('M90 215 L310 215 L310 150 L90 185 Z', hsl(44, 75, 60)) +
			path('M90 185 L310 150 L250 105 Z', paste) +
			path('M310 150 L310 215 L250 105 Z', rind, 'opacity="0.35"') +
			circle(150, 200, 10, hsl(44, 70, 55)) +
			circle(230, 190, 14, hsl(44, 70, 55)) +
			circle(280, 175, 7, hsl(44, 70, 55)) +
			circle(245, 140, 6, hsl(44, 70, 60))
		);
	}
	if (shape === 1) {
		const goat = r.chance(0.5);
		const crust = goat ? hsl(0, 0, 35) : hsl(40, 40, 88);
		return (
			board(r) +
			rect(80, 140, 200, 76, goat ? hsl(45, 25, 95) : paste, 38) +
			rect(80, 140, 200, 76, crust, 38, goat ? 'opacity="0.25"' : 'opacity="0.7"') +
			ellipse(280, 178, 30, 38, hsl(45, 25, 96)) +
			ellipse(280, 178, 20, 28, goat ? hsl(45, 20, 90) : paste) +
			circle(320, 200, 24, crust) +
			circle(320, 196, 20, hsl(45, 25, 95), 'opacity="0.6"')
		);
	}
	return (
		board(r) +
		path('M80 160 L80 205 Q200 240 320 205 L320 160 Z', rind) +
		ellipse(200, 160, 120, 38, hsl(40, 50, 78)) +
		path('M200 160 L320 160 L320 205 L200 205 Z', paste) +
		path('M200 160 L320 160 Q300 130 260 124 Z', hsl(40, 55, 85)) +
		repeat(3, (i) => circle(225 + i * 30, 185 + (i % 2) * 8, 6, hsl(44, 65, 58)))
	);
};

const eggs: Draw = (r) => {
	const carton = near(r, 40, 18, 72, 4);
	const eggColor = (i: number) => (i % 3 === r.int(0, 2) ? hsl(35, 20, 96) : near(r, 28, 50, 70, 4));
	return (
		repeat(3, (i) => ellipse(140 + i * 60, 140, 26, 34, eggColor(i))) +
		path('M70 160 L330 160 L310 230 L90 230 Z', carton) +
		repeat(3, (i) => ellipse(125 + i * 75, 160, 34, 40, eggColor(i + 3))) +
		path('M70 175 L330 175 L310 230 L90 230 Z', carton) +
		repeat(4, (i) => path(`M${95 + i * 70} 175 q${17} 22 35 0`, hsl(40, 15, 62), 'opacity="0.7"')) +
		rect(150, 195, 100, 18, hsl(120, 35, 45), 4, 'opacity="0.8"')
	);
};

const milk: Draw = (r) => {
	const cap = near(r, r.pick([210, 0, 120, 45]), 70, 50, 8);
	const bottle = (x: number, scale: number) => {
		const w = 70 * scale;
		const h = 150 * scale;
		const top = 230 - h;
		return (
			path(
				`M${x - w / 2} 230 L${x - w / 2} ${top + h * 0.4} Q${x - w / 2} ${top + h * 0.25} ${x - w / 4} ${top + h * 0.18} L${x - w / 4} ${top} L${x + w / 4} ${top} L${x + w / 4} ${top + h * 0.18} Q${x + w / 2} ${top + h * 0.25} ${x + w / 2} ${top + h * 0.4} L${x + w / 2} 230 Z`,
				'#ffffff'
			) +
			rect(x - w / 4 - 2, top - 10 * scale, w / 2 + 4, 14 * scale, cap, 3) +
			rect(x - w / 2 + 4, top + h * 0.5, w - 8, h * 0.25, cap, 4, 'opacity="0.85"') +
			rect(x - w / 2 + 8, top + h * 0.3, 6, h * 0.55, hsl(200, 40, 90), 3)
		);
	};
	return ellipse(200, 232, 120, 10, '#000000', 'opacity="0.08"') + bottle(150, 1) + bottle(250, 0.8);
};

const yogurt: Draw = (r) => {
	const lid = (i: number) => near(r, [0, 200, 45][i], 70, 55, 10);
	const pot = (x: number, i: number) =>
		path(`M${x - 40} 130 L${x + 40} 130 L${x + 32} 225 L${x - 32} 225 Z`, '#ffffff') +
		rect(x - 44, 120, 88, 14, lid(i), 5) +
		rect(x - 36, 160, 72, 30, lid(i), 3, 'opacity="0.35"');
	return ellipse(200, 228, 130, 10, '#000000', 'opacity="0.08"') + pot(115, 0) + pot(200, 1) + pot(285, 2);
};

const butter: Draw = (r) => {
	const wrap = near(r, r.pick([200, 5, 45]), 60, 55, 10);
	return (
		board(r) +
		path('M100 170 L240 170 L270 145 L130 145 Z', hsl(50, 85, 82)) +
		path('M100 170 L240 170 L240 220 L100 220 Z', hsl(50, 80, 75)) +
		path('M240 170 L270 145 L270 195 L240 220 Z', hsl(48, 70, 66)) +
		path('M100 190 L240 190 L240 220 L100 220 Z', wrap) +
		path('M240 190 L270 165 L270 195 L240 220 Z', wrap, 'opacity="0.8"') +
		stroke('M285 120 q20 10 10 28 q-10 14 -26 6', hsl(50, 80, 80), 12)
	);
};

// ——— Fish ———

const fish: Draw = (r) => {
	const hue = r.pick([205, 195, 30, 350]);
	const body = near(r, hue, hue === 30 || hue === 350 ? 55 : 25, 62, 6);
	const back = hsl(hue, 30, 40);
	const lemon = hsl(52, 90, 60);
	return (
		rect(70, 200, 260, 28, hsl(195, 40, 92), 14) +
		repeat(8, (i) => circle(90 + i * 30, 205 + (i % 2) * 10, 10, '#ffffff', 'opacity="0.8"')) +
		path('M95 160 Q170 95 270 150 Q170 210 95 160 Z', body) +
		path('M95 160 Q170 95 270 150 Q175 125 95 160 Z', back, 'opacity="0.7"') +
		path('M262 150 L320 115 L308 150 L320 188 Z', back) +
		circle(128, 152, 8, '#ffffff') +
		circle(128, 152, 4, hsl(0, 0, 15)) +
		stroke('M150 140 q10 16 0 32', back, 3) +
		circle(300, 212, 22, lemon) +
		circle(300, 212, 16, hsl(55, 90, 80))
	);
};

const shellfish: Draw = (r) => {
	const shell = near(r, 20, 55, 78, 8);
	const scallop = (x: number, y: number, angle: number) =>
		group(
			path(`M${x} ${y + 40} L${x - 45} ${y - 10} Q${x} ${y - 50} ${x + 45} ${y - 10} Z`, shell) +
				repeat(5, (i) => stroke(`M${x} ${y + 40} L${x - 36 + i * 18} ${y - 20}`, hsl(20, 45, 62), 2)) +
				rect(x - 12, y + 36, 24, 10, shell, 3),
			rotate(angle, x, y)
		);
	const mussel = (x: number, y: number, angle: number) =>
		group(ellipse(x, y, 36, 16, hsl(240, 25, 20)) + ellipse(x - 6, y - 4, 22, 6, hsl(230, 25, 45), 'opacity="0.6"'), rotate(angle, x, y));
	return (
		plate(230, 150, hsl(195, 40, 94)) +
		mussel(130, 205, -20) +
		mussel(270, 208, 25) +
		mussel(205, 215, 5) +
		scallop(150, 160, -15) +
		scallop(250, 158, 15)
	);
};

// ——— Vegetables ———

const leaf = (cx: number, cy: number, rx: number, ry: number, angle: number, color: string) =>
	ellipse(cx, cy, rx, ry, color, rotate(angle, cx, cy));

const carrot: Draw = (r) => {
	const orange = near(r, 24, 88, 55, 5);
	const one = (x: number, angle: number) =>
		group(
			leaf(x - 10, 92, 8, 30, -20, hsl(110, 50, 40)) +
				leaf(x + 10, 92, 8, 30, 20, hsl(110, 50, 45)) +
				leaf(x, 86, 8, 34, 0, hsl(110, 55, 35)) +
				path(`M${x - 24} 120 Q${x} 108 ${x + 24} 120 L${x + 4} 240 Q${x} 246 ${x - 4} 240 Z`, orange) +
				stroke(`M${x - 14} 150 l10 0 M${x + 2} 180 l10 0 M${x - 8} 205 l8 0`, hsl(20, 70, 42), 3),
			rotate(angle, x, 240)
		);
	return one(160, -14) + one(240, 14) + one(200, 0);
};

const leek: Draw = (r) => {
	const green = near(r, 115, 45, 35, 5);
	const one = (x: number, angle: number) =>
		group(
			leaf(x - 14, 90, 10, 44, -18, green) +
				leaf(x + 14, 90, 10, 44, 18, hsl(120, 40, 30)) +
				rect(x - 18, 110, 36, 60, hsl(90, 45, 62)) +
				rect(x - 18, 165, 36, 70, hsl(60, 40, 94), 16) +
				stroke(`M${x - 10} 232 l-6 12 M${x} 234 l0 12 M${x + 10} 232 l6 12`, hsl(40, 30, 75), 3),
			rotate(angle, x, 240)
		);
	return one(150, -10) + one(250, 10) + one(200, 0);
};

const tomato: Draw = (r) => {
	const red = near(r, 4, 78, 50, 6);
	const one = (x: number, y: number, radius: number) =>
		ellipse(x, y, radius * 1.12, radius, red) +
		ellipse(x - radius * 0.4, y - radius * 0.4, radius * 0.3, radius * 0.18, '#ffffff', 'opacity="0.4"') +
		path(`M${x} ${y - radius + 2} l-18 -4 l14 10 l-10 12 l14 -8 l14 8 l-8 -12 l14 -10 z`, hsl(115, 50, 35)) +
		stroke(`M${x} ${y - radius + 2} l2 -12`, hsl(115, 50, 30), 4);
	return board(r) + one(140, 190, 42) + one(262, 192, 40) + one(200, 165, 50);
};

const salad: Draw = (r) => {
	const green = (i: number) => hsl(95 + (i % 3) * 8 + r.between(-5, 5), 50, 42 + (i % 4) * 6);
	return (
		board(r) +
		repeat(9, (i) => {
			const angle = (i / 9) * Math.PI * 2;
			return circle(200 + Math.cos(angle) * 70, 160 + Math.sin(angle) * 40, 48, green(i));
		}) +
		circle(200, 160, 48, hsl(80, 55, 70)) +
		circle(200, 150, 30, hsl(75, 60, 80)) +
		stroke('M200 170 l-30 -30 M200 170 l30 -30 M200 170 l0 -40', hsl(80, 40, 92), 3)
	);
};

const potato: Draw = (r) => {
	const skin = near(r, 35, 45, 60, 5);
	const one = (x: number, y: number, rx: number, ry: number, angle: number) =>
		group(
			ellipse(x, y, rx, ry, skin) +
				circle(x - rx * 0.4, y - 4, 3, hsl(30, 35, 40)) +
				circle(x + rx * 0.3, y + 6, 3, hsl(30, 35, 40)) +
				circle(x + 4, y - ry * 0.5, 2.5, hsl(30, 35, 40)),
			rotate(angle, x, y)
		);
	return (
		board(r) +
		one(135, 200, 50, 32, -10) +
		one(265, 200, 46, 30, 12) +
		one(200, 205, 44, 28, 0) +
		one(175, 160, 42, 30, 20) +
		one(238, 158, 40, 28, -15)
	);
};

const squash: Draw = (r) => {
	const orange = near(r, 26, 80, 55, 6);
	const dark = hsl(22, 70, 42);
	return (
		ellipse(200, 232, 120, 12, '#000000', 'opacity="0.08"') +
		ellipse(130, 180, 60, 52, dark) +
		ellipse(270, 180, 60, 52, dark) +
		ellipse(160, 180, 55, 56, orange) +
		ellipse(240, 180, 55, 56, orange) +
		ellipse(200, 180, 50, 58, hsl(28, 85, 60)) +
		rect(192, 105, 16, 26, hsl(90, 35, 30), 5) +
		leaf(225, 115, 24, 10, -20, hsl(110, 45, 38))
	);
};

const mushroom: Draw = (r) => {
	const cap = near(r, 28, 40, 52, 6);
	const one = (x: number, scale: number) =>
		rect(x - 16 * scale, 230 - 70 * scale, 32 * scale, 70 * scale, hsl(40, 35, 90), 10 * scale) +
		path(`M${x - 60 * scale} ${232 - 64 * scale} Q${x} ${232 - 150 * scale} ${x + 60 * scale} ${232 - 64 * scale} Z`, cap) +
		ellipse(x, 232 - 64 * scale, 60 * scale, 8 * scale, hsl(35, 30, 80));
	return board(r) + one(140, 0.8) + one(260, 0.7) + one(200, 1.05);
};

const asparagus: Draw = (r) => {
	const green = near(r, 95, 45, 42, 6);
	return (
		repeat(7, (i) => {
			const x = 150 + i * 17;
			return (
				rect(x, 90 + (i % 3) * 6, 14, 140, green, 7) +
				path(`M${x - 2} ${104 + (i % 3) * 6} L${x + 7} ${78 + (i % 3) * 6} L${x + 16} ${104 + (i % 3) * 6} Z`, hsl(280, 25, 40)) +
				stroke(`M${x + 3} ${140 + (i % 2) * 20} l5 -6`, hsl(95, 40, 30), 2)
			);
		}) + rect(140, 175, 140, 14, hsl(350, 65, 50), 4)
	);
};

const vegetable: Draw = (r) => {
	const wood = WOOD(r);
	const greens = hsl(110 + r.between(-10, 10), 50, 40);
	return (
		circle(130, 130, 36, greens) +
		circle(170, 115, 34, hsl(100, 50, 48)) +
		circle(250, 135, 30, hsl(4, 78, 52)) +
		circle(290, 140, 26, hsl(4, 78, 48)) +
		path('M195 140 Q215 80 235 140 Z', hsl(24, 85, 55)) +
		leaf(215, 82, 6, 20, 0, hsl(110, 50, 38)) +
		circle(210, 150, 28, hsl(275, 35, 35)) +
		rect(80, 150, 240, 80, wood, 4) +
		rect(80, 150, 240, 14, hsl(30, 40, 42)) +
		rect(80, 185, 240, 6, hsl(30, 40, 42)) +
		rect(120, 195, 160, 22, hsl(45, 50, 88), 4)
	);
};

// ——— Fruit ———

const apple: Draw = (r) => {
	const hue = r.pick([2, 8, 80, 50]);
	const skin = near(r, hue, 75, 50, 5);
	const one = (x: number, y: number, radius: number) =>
		path(
			`M${x} ${y - radius * 0.75} Q${x + radius * 1.1} ${y - radius * 1.25} ${x + radius} ${y + radius * 0.1} Q${x + radius * 0.8} ${y + radius} ${x} ${y + radius * 0.85} Q${x - radius * 0.8} ${y + radius} ${x - radius} ${y + radius * 0.1} Q${x - radius * 1.1} ${y - radius * 1.25} ${x} ${y - radius * 0.75} Z`,
			skin
		) +
		ellipse(x - radius * 0.45, y - radius * 0.3, radius * 0.18, radius * 0.3, '#ffffff', 'opacity="0.35"') +
		stroke(`M${x} ${y - radius * 0.7} q2 -16 8 -22`, hsl(30, 45, 30), 5) +
		leaf(x + 18, y - radius - 8, 14, 6, -25, hsl(110, 50, 40));
	return board(r) + one(140, 185, 48) + one(262, 188, 46) + one(200, 160, 52);
};

const pear: Draw = (r) => {
	const skin = near(r, 62, 60, 55, 8);
	const one = (x: number, y: number, scale: number, angle: number) =>
		group(
			path(
				`M${x} ${y - 80 * scale} Q${x + 22 * scale} ${y - 80 * scale} ${x + 24 * scale} ${y - 40 * scale} Q${x + 56 * scale} ${y - 10 * scale} ${x + 48 * scale} ${y + 20 * scale} Q${x + 36 * scale} ${y + 50 * scale} ${x} ${y + 50 * scale} Q${x - 36 * scale} ${y + 50 * scale} ${x - 48 * scale} ${y + 20 * scale} Q${x - 56 * scale} ${y - 10 * scale} ${x - 24 * scale} ${y - 40 * scale} Q${x - 22 * scale} ${y - 80 * scale} ${x} ${y - 80 * scale} Z`,
				skin
			) +
				ellipse(x + 22 * scale, y + 10 * scale, 16 * scale, 24 * scale, hsl(20, 60, 55), 'opacity="0.3"') +
				stroke(`M${x} ${y - 78 * scale} q-2 -14 6 -22`, hsl(30, 45, 30), 4),
			rotate(angle, x, y)
		);
	return board(r) + one(150, 180, 0.9, -10) + one(255, 182, 0.85, 12) + one(202, 175, 1, 0);
};

const strawberry: Draw = (r) => {
	const red = near(r, 352, 78, 50, 5);
	const basket = hsl(40, 35, 88);
	const berry = (x: number, y: number) =>
		path(
			`M${x - 20} ${y - 10} Q${x} ${y - 20} ${x + 20} ${y - 10} Q${x + 20} ${y + 14} ${x} ${y + 28} Q${x - 20} ${y + 14} ${x - 20} ${y - 10} Z`,
			red
		) +
		repeat(4, (i) => ellipse(x - 8 + (i % 2) * 14, y + (i < 2 ? 0 : 12), 1.6, 2.4, hsl(50, 90, 80))) +
		path(`M${x - 16} ${y - 12} l8 -8 l8 6 l8 -6 l8 8 z`, hsl(115, 55, 38));
	return (
		repeat(6, (i) => berry(128 + i * 29, 128 + (i % 2) * 8)) +
		path('M90 150 L310 150 L290 230 L110 230 Z', basket) +
		repeat(4, (i) => stroke(`M${105 + i * 8} ${165 + i * 18} L${295 - i * 8} ${165 + i * 18}`, hsl(40, 30, 72), 3)) +
		rect(88, 146, 224, 10, hsl(40, 35, 78), 3)
	);
};

const cherry: Draw = (r) => {
	const red = near(r, 350, 75, 35, 5);
	const pair = (x: number, y: number) =>
		stroke(
			`M${x - 25} ${y} Q${x - 10} ${y - 60} ${x + 10} ${y - 90} M${x + 25} ${y} Q${x + 20} ${y - 50} ${x + 10} ${y - 90}`,
			hsl(90, 40, 30),
			4
		) +
		leaf(x + 24, y - 92, 18, 8, -20, hsl(110, 50, 40)) +
		circle(x - 25, y + 14, 22, red) +
		circle(x + 25, y + 14, 22, red) +
		circle(x - 32, y + 6, 5, '#ffffff', 'opacity="0.5"') +
		circle(x + 18, y + 6, 5, '#ffffff', 'opacity="0.5"');
	return board(r) + pair(150, 190) + pair(250, 195);
};

const fruit: Draw = (r) => {
	const bowl = near(r, r.pick([200, 15, 40]), 45, 55, 8);
	return (
		circle(150, 140, 36, hsl(5, 75, 50)) +
		circle(250, 140, 34, hsl(75, 60, 50)) +
		repeat(6, (i) => circle(185 + (i % 3) * 16, 110 + Math.floor(i / 3) * 14, 10, hsl(280, 40, 40))) +
		ellipse(205, 150, 48, 26, hsl(48, 90, 60), rotate(-20, 205, 150)) +
		circle(115, 160, 28, hsl(28, 90, 55)) +
		circle(290, 162, 26, hsl(2, 70, 45)) +
		path('M80 160 L320 160 Q310 240 200 240 Q90 240 80 160 Z', bowl) +
		ellipse(200, 160, 120, 10, hsl(0, 0, 100), 'opacity="0.3"')
	);
};

// ——— Drinks ———

function bottleShape(x: number, glass: string, label: string, capsule: string, tall: number): string {
	const top = 230 - tall;
	return (
		path(
			`M${x - 30} 230 L${x - 30} ${top + 95} Q${x - 30} ${top + 65} ${x - 10} ${top + 55} L${x - 10} ${top} L${x + 10} ${top} L${x + 10} ${top + 55} Q${x + 30} ${top + 65} ${x + 30} ${top + 95} L${x + 30} 230 Z`,
			glass
		) +
		rect(x - 11, top - 2, 22, 34, capsule, 3) +
		rect(x - 27, top + 105, 54, tall - 135, label, 3) +
		rect(x - 18, top + 116, 36, 4, capsule, 2) +
		rect(x - 14, top + 128, 28, 3, hsl(0, 0, 55), 1.5) +
		rect(x - 20, top + 100, 6, tall - 110, '#ffffff', 3, 'opacity="0.18"')
	);
}

const wine: Draw = (r) => {
	const style = r.pick(['red', 'white', 'rose', 'sparkling'] as const);
	const glass =
		style === 'red' ? hsl(150, 35, 18) : style === 'white' ? hsl(75, 35, 45) : style === 'rose' ? hsl(350, 40, 80) : hsl(140, 40, 22);
	const liquid =
		style === 'red' ? hsl(345, 65, 30) : style === 'white' ? hsl(50, 75, 75) : style === 'rose' ? hsl(8, 75, 75) : hsl(48, 70, 78);
	const capsule = near(r, r.pick([350, 45, 0, 210]), 60, 38, 6);
	const label = hsl(42, 45, 92);
	return (
		ellipse(200, 232, 120, 10, '#000000', 'opacity="0.08"') +
		bottleShape(160, glass, label, capsule, 190) +
		path('M230 110 L300 110 Q300 170 265 175 Q230 170 230 110 Z', hsl(200, 30, 94), 'opacity="0.7"') +
		path('M233 135 L297 135 Q295 168 265 172 Q235 168 233 135 Z', liquid) +
		rect(262, 175, 6, 45, hsl(200, 25, 88)) +
		ellipse(265, 225, 26, 6, hsl(200, 25, 88))
	);
};

const bottle: Draw = (r) => {
	const hue = r.pick([30, 95, 45, 15]);
	const glass = hsl(hue, 45, 35);
	const label = hsl(hue + 180, 40, 85);
	const capsule = hsl(hue, 60, 55);
	return (
		ellipse(200, 232, 120, 10, '#000000', 'opacity="0.08"') +
		bottleShape(160, glass, label, capsule, 170) +
		bottleShape(245, near(r, hue, 40, 60), label, capsule, 140)
	);
};

const coffee: Draw = (r) => {
	const cup = near(r, r.pick([15, 200, 160, 45]), 55, 55, 8);
	const bean = (x: number, y: number, angle: number) =>
		group(ellipse(x, y, 11, 7, hsl(25, 50, 25)) + stroke(`M${x - 8} ${y} q8 -3 16 0`, hsl(25, 40, 45), 2), rotate(angle, x, y));
	return (
		ellipse(200, 220, 110, 20, hsl(0, 0, 90)) +
		ellipse(200, 215, 80, 12, '#ffffff') +
		path('M130 130 L270 130 Q265 215 200 215 Q135 215 130 130 Z', cup) +
		ellipse(200, 130, 70, 14, hsl(25, 55, 22)) +
		stroke('M268 150 q36 0 30 28 q-6 20 -36 18', cup, 10) +
		stroke('M175 105 q-10 -16 0 -30 q10 -14 0 -28', '#ffffff', 5, 'opacity="0.8"') +
		stroke('M215 105 q-10 -16 0 -30 q10 -14 0 -28', '#ffffff', 5, 'opacity="0.8"') +
		bean(90, 235, 20) +
		bean(320, 230, -30) +
		bean(300, 250, 10)
	);
};

const tea: Draw = (r) => {
	const pot = near(r, r.pick([160, 200, 15, 45, 280]), 45, 55, 8);
	return (
		ellipse(200, 232, 120, 10, '#000000', 'opacity="0.08"') +
		path('M250 170 Q290 160 305 125 L315 128 Q305 185 255 200 Z', pot) +
		stroke('M140 150 q-40 0 -36 36 q4 30 40 26', pot, 12) +
		ellipse(200, 180, 70, 55, pot) +
		rect(150, 220, 100, 12, pot, 4) +
		ellipse(200, 128, 40, 10, hsl(0, 0, 97)) +
		circle(200, 116, 9, pot) +
		ellipse(180, 165, 14, 26, '#ffffff', 'opacity="0.25"') +
		repeat(3, (i) => leaf(110 + i * 90, 250, 14, 6, i * 30 - 20, hsl(100, 45, 38)))
	);
};

// ——— Grocery ———

const honey: Draw = (r) => {
	const amber = near(r, 38, 90, 52, 6);
	const lid = near(r, 30, 40, 45, 6);
	const hexagon = (cx: number, cy: number, size: number) =>
		path(
			repeat(6, (i) => `${i ? 'L' : 'M'}${n(cx + size * Math.cos((i * Math.PI) / 3))} ${n(cy + size * Math.sin((i * Math.PI) / 3))}`) + 'Z',
			hsl(45, 60, 92)
		);
	return (
		ellipse(200, 232, 120, 10, '#000000', 'opacity="0.08"') +
		rect(110, 110, 130, 120, amber, 22) +
		rect(120, 92, 110, 26, lid, 6) +
		path('M130 118 L220 118 L220 130 Q212 150 204 130 Q196 116 188 134 Q180 150 172 130 L130 130 Z', hsl(42, 90, 45)) +
		hexagon(175, 175, 34) +
		circle(175, 175, 10, amber) +
		rect(122, 140, 10, 70, '#ffffff', 5, 'opacity="0.3"') +
		group(
			rect(250, 120, 10, 110, hsl(30, 45, 45), 5) + repeat(4, (i) => ellipse(255, 120 + i * 10, 20, 5, hsl(30, 45, 50))),
			rotate(20, 255, 175)
		) +
		group(
			ellipse(300, 100, 14, 10, hsl(48, 90, 55)) +
				stroke('M294 92 l0 16 M302 92 l0 16', hsl(0, 0, 15), 4) +
				ellipse(296, 88, 8, 6, '#ffffff', 'opacity="0.8"') +
				ellipse(306, 88, 8, 6, '#ffffff', 'opacity="0.8"'),
			rotate(-10, 300, 100)
		)
	);
};

function jarWith(r: Random, contents: string, lidPattern: 'cloth' | 'clip'): string {
	const cloth = near(r, r.pick([0, 210, 120, 45]), 65, 52, 8);
	const jar =
		rect(130, 110, 140, 120, hsl(200, 30, 92), 18, 'opacity="0.6"') +
		rect(138, 125, 124, 98, contents, 14) +
		rect(150, 150, 100, 40, hsl(45, 50, 94), 4) +
		rect(158, 162, 84, 5, hsl(0, 0, 60), 2.5) +
		rect(168, 174, 64, 4, hsl(0, 0, 70), 2) +
		rect(142, 130, 8, 80, '#ffffff', 4, 'opacity="0.35"');
	const lid =
		lidPattern === 'cloth'
			? path('M118 112 Q200 80 282 112 L270 126 Q200 108 130 126 Z', cloth) +
				repeat(6, (i) => circle(142 + i * 23, 107 - (i > 0 && i < 5 ? 6 : 0), 4, '#ffffff', 'opacity="0.8"')) +
				rect(128, 115, 144, 6, hsl(40, 40, 60), 3)
			: rect(128, 96, 144, 18, hsl(0, 0, 96), 6) +
				rect(124, 106, 152, 8, hsl(20, 70, 55), 4) +
				stroke('M140 112 l0 30 M260 112 l0 30', hsl(0, 0, 65), 4);
	return ellipse(200, 232, 110, 10, '#000000', 'opacity="0.08"') + jar + lid;
}

const jam: Draw = (r) =>
	jarWith(r, r.pick([hsl(350, 75, 38), hsl(20, 85, 52), hsl(285, 45, 30), hsl(40, 85, 55), hsl(5, 80, 45)]), 'cloth');

const jar: Draw = (r) => jarWith(r, near(r, 28, 40, 62, 6), 'clip');

const spice: Draw = (r) => {
	const heap = (x: number, color: string) => path(`M${x - 55} 225 Q${x} 130 ${x + 55} 225 Z`, color) + ellipse(x, 225, 55, 8, color);
	const star = (cx: number, cy: number) =>
		repeat(8, (i) =>
			ellipse(
				cx + 14 * Math.cos((i * Math.PI) / 4),
				cy + 14 * Math.sin((i * Math.PI) / 4),
				9,
				5,
				hsl(20, 45, 30),
				rotate(i * 45, cx + 14 * Math.cos((i * Math.PI) / 4), cy + 14 * Math.sin((i * Math.PI) / 4))
			)
		);
	return (
		board(r, 226) +
		heap(120, near(r, 8, 75, 45, 6)) +
		heap(280, near(r, 45, 90, 50, 6)) +
		heap(200, near(r, 25, 55, 38, 6)) +
		star(310, 130) +
		group(rect(80, 120, 90, 12, hsl(25, 45, 40), 6) + rect(80, 136, 90, 12, hsl(25, 45, 46), 6), rotate(-15, 125, 134))
	);
};

const chocolate: Draw = (r) => {
	const choc = near(r, 20, 45, r.pick([22, 30, 40]), 4);
	const paper = near(r, r.pick([0, 210, 140, 280, 40]), 60, 45, 10);
	return (
		ellipse(200, 235, 120, 10, '#000000', 'opacity="0.08"') +
		group(
			rect(90, 100, 220, 130, choc, 8) +
				repeat(12, (i) => rect(98 + (i % 4) * 52, 108 + Math.floor(i / 4) * 38, 46, 32, hsl(20, 40, 35), 4, 'opacity="0.55"')) +
				path('M200 95 L315 95 L315 235 L220 235 Q200 170 230 95 Z', hsl(0, 0, 80)) +
				path('M240 95 L315 95 L315 235 L250 235 Z', paper) +
				rect(262, 150, 40, 28, hsl(45, 60, 85), 3),
			rotate(-6, 200, 165)
		)
	);
};

const sack: Draw = (r) => {
	const burlap = near(r, 38, 40, 68, 5);
	const grain = r.pick([hsl(40, 30, 92), hsl(30, 60, 50), hsl(20, 55, 40), hsl(45, 70, 70)]);
	return (
		ellipse(200, 232, 120, 10, '#000000', 'opacity="0.08"') +
		path('M120 232 Q100 160 140 110 L260 110 Q300 160 280 232 Z', burlap) +
		path('M140 110 Q200 90 260 110 L250 95 Q200 82 150 95 Z', hsl(38, 35, 60)) +
		ellipse(200, 112, 58, 14, grain) +
		rect(150, 160, 100, 40, hsl(45, 40, 92), 4) +
		rect(165, 173, 70, 5, hsl(0, 0, 55), 2.5) +
		rect(175, 184, 50, 4, hsl(0, 0, 65), 2) +
		repeat(8, (i) => ellipse(290 + (i % 4) * 12, 228 - Math.floor(i / 4) * 8, 4, 3, grain)) +
		stroke('M135 150 q5 40 -2 70 M265 150 q-5 40 2 70', hsl(38, 30, 58), 2)
	);
};

const basket: Draw = (r) => {
	const wicker = near(r, 35, 55, 55, 5);
	return (
		stroke('M110 150 Q200 40 290 150', hsl(30, 45, 40), 10) +
		rect(150, 100, 30, 80, hsl(38, 70, 58), 14, rotate(-20, 165, 140)) +
		circle(230, 140, 26, hsl(5, 75, 50)) +
		circle(190, 145, 22, hsl(80, 55, 50)) +
		leaf(265, 128, 22, 10, -30, hsl(110, 50, 40)) +
		leaf(140, 130, 22, 10, 30, hsl(110, 50, 45)) +
		path('M90 150 L310 150 L285 235 L115 235 Z', wicker) +
		repeat(4, (i) => stroke(`M${95 + i * 6} ${168 + i * 18} L${305 - i * 6} ${168 + i * 18}`, hsl(30, 45, 40), 3)) +
		repeat(9, (i) => stroke(`M${110 + i * 22} 150 L${120 + i * 20} 235`, hsl(30, 45, 45), 2, 'opacity="0.6"')) +
		rect(85, 145, 230, 12, hsl(30, 45, 42), 6)
	);
};

// ——— Flowers, plants, books ———

function flowerHead(cx: number, cy: number, petal: string, heart: string, size: number): string {
	return (
		repeat(6, (i) => {
			const angle = i * 60;
			const px = cx + Math.cos((angle * Math.PI) / 180) * size * 0.6;
			const py = cy + Math.sin((angle * Math.PI) / 180) * size * 0.6;
			return ellipse(px, py, size * 0.55, size * 0.32, petal, rotate(angle, px, py));
		}) + circle(cx, cy, size * 0.32, heart)
	);
}

const flowers: Draw = (r) => {
	const paper = near(r, r.pick([30, 340, 200, 50]), 45, 80, 6);
	const hues = [r.int(0, 360), r.int(0, 360), r.pick([50, 330, 280, 10])];
	const heads = [
		[150, 105, 30],
		[250, 105, 28],
		[200, 80, 32],
		[120, 145, 24],
		[280, 145, 24],
		[200, 130, 26]
	];
	return (
		repeat(heads.length, (i) => stroke(`M${heads[i][0]} ${heads[i][1]} L200 210`, hsl(110, 40, 35), 5)) +
		leaf(140, 170, 24, 9, 35, hsl(115, 45, 38)) +
		leaf(260, 170, 24, 9, -35, hsl(115, 45, 42)) +
		repeat(heads.length, (i) => flowerHead(heads[i][0], heads[i][1], hsl(hues[i % 3], 70, 68), hsl(45, 90, 55), heads[i][2])) +
		path('M130 160 L270 160 L215 265 L185 265 Z', paper) +
		path('M130 160 L200 160 L190 265 L185 265 Z', hsl(0, 0, 0), 'opacity="0.06"') +
		path('M178 215 Q200 205 222 215 L218 228 Q200 220 182 228 Z', near(r, hues[0], 60, 50))
	);
};

const plant: Draw = (r) => {
	const pot = near(r, 18, 55, 52, 6);
	const green = (i: number) => hsl(115 + (i % 3) * 10 + r.between(-5, 5), 45, 35 + (i % 3) * 6);
	return (
		repeat(9, (i) => {
			const angle = -80 + i * 20;
			const radians = (angle * Math.PI) / 180;
			const cx = 200 + Math.sin(radians) * 60;
			const cy = 140 - Math.cos(radians) * 55;
			return ellipse(cx, cy, 16, 50, green(i), rotate(angle, cx, cy));
		}) +
		path('M140 160 L260 160 L245 235 L155 235 Z', pot) +
		rect(132, 150, 136, 22, hsl(18, 50, 45), 4)
	);
};

const book: Draw = (r) => {
	const hues = [r.int(0, 360), r.int(0, 360), r.int(0, 360), r.int(0, 360)];
	const flat = (y: number, width: number, i: number) =>
		rect(200 - width / 2, y, width, 26, hsl(hues[i], 50, 45), 3) +
		rect(200 - width / 2 + 6, y + 4, width - 12, 18, hsl(40, 40, 94)) +
		rect(200 - width / 2, y, 16, 26, hsl(hues[i], 50, 38), 3);
	return (
		ellipse(200, 232, 130, 10, '#000000', 'opacity="0.08"') +
		flat(204, 230, 0) +
		flat(178, 210, 1) +
		flat(152, 220, 2) +
		group(
			rect(250, 40, 34, 112, hsl(hues[3], 55, 50), 3) + rect(256, 60, 22, 4, hsl(45, 80, 75)) + rect(256, 128, 22, 4, hsl(45, 80, 75)),
			rotate(8, 267, 152)
		)
	);
};

// ——— Shop ———

const shop: Draw = (r) => {
	const awningHue = r.int(0, 359);
	const awning = hsl(awningHue, 65, 50);
	const wall = near(r, r.pick([40, 30, 200, 20]), 35, 86, 6);
	const stripes = repeat(12, (i) => (i % 2 ? '' : rect(60 + i * 23.33, 112, 23.33, 38, awning)));
	const scallops = repeat(12, (i) => circle(71.7 + i * 23.33, 150, 11.7, i % 2 ? '#ffffff' : awning));
	const goods =
		repeat(5, (i) => circle(104 + i * 24, 222, 9, hsl(r.int(0, 359), 60, 55))) +
		repeat(4, (i) => rect(108 + i * 28, 188, 18, 22, hsl(r.int(0, 359), 50, 60), 3));
	const plantPot = (x: number) =>
		rect(x - 12, 228, 24, 20, hsl(18, 55, 50), 3) + circle(x, 218, 16, hsl(120, 40, 38)) + circle(x - 8, 212, 10, hsl(110, 45, 45));
	return (
		rect(40, 245, 320, 20, hsl(0, 0, 78)) +
		rect(60, 40, 280, 208, wall) +
		rect(52, 34, 296, 14, hsl(awningHue, 20, 35), 3) +
		rect(82, 62, 236, 40, hsl(awningHue, 45, 25), 5) +
		rect(106, 76, 188, 5, hsl(45, 70, 80), 2.5) +
		rect(136, 87, 128, 4, hsl(45, 70, 80), 2) +
		rect(60, 112, 280, 38, '#ffffff') +
		stripes +
		scallops +
		rect(86, 170, 146, 76, hsl(200, 45, 82)) +
		rect(86, 170, 146, 76, 'none', 0, `stroke="${hsl(awningHue, 30, 30)}" stroke-width="6"`) +
		path('M100 175 L140 175 L100 215 Z', '#ffffff', 'opacity="0.35"') +
		rect(92, 210, 134, 4, hsl(30, 40, 50)) +
		goods +
		rect(250, 166, 64, 82, hsl(awningHue, 40, 32), 4) +
		rect(260, 176, 44, 36, hsl(200, 45, 82), 3) +
		circle(304, 212, 4, hsl(45, 80, 60)) +
		plantPot(240) +
		plantPot(328)
	);
};

const drawers = {
	bread,
	baguette,
	croissant,
	cake,
	tart,
	biscuits,
	meat,
	sausage,
	poultry,
	terrine,
	dish,
	cheese,
	eggs,
	milk,
	yogurt,
	butter,
	fish,
	shellfish,
	vegetable,
	carrot,
	leek,
	tomato,
	salad,
	potato,
	squash,
	mushroom,
	asparagus,
	fruit,
	apple,
	pear,
	strawberry,
	cherry,
	wine,
	bottle,
	coffee,
	tea,
	honey,
	jam,
	jar,
	spice,
	chocolate,
	sack,
	basket,
	flowers,
	plant,
	book,
	shop
} satisfies Record<string, Draw>;

export type IllustrationKind = keyof typeof drawers;

/** Every kind that has its own drawing; any other kind is drawn as a basket. */
export const illustrationKinds = Object.keys(drawers) as IllustrationKind[];

export function isIllustrationKind(kind: string): kind is IllustrationKind {
	return Object.hasOwn(drawers, kind);
}

/** Soft background hues: cream, mint, sky, blush, lavender, sand, sage. */
const BACKDROP_HUES = [45, 150, 205, 350, 265, 30, 100];

function backdrop(r: Random): string {
	const hue = r.pick(BACKDROP_HUES) + r.between(-6, 6);
	const dots = repeat(7, () => {
		const side = r.chance(0.5);
		const x = side ? r.between(12, 70) : r.between(330, 388);
		return circle(x, r.between(16, 230), r.between(3, 9), hsl(hue, 55, 78), 'opacity="0.7"');
	});
	return rect(0, 0, 400, 300, hsl(hue, 60, 94)) + circle(200 + r.between(-20, 20), 150, 118, hsl(hue, 50, 87)) + dots;
}

const MAX_LABEL = 42;

/** Text made safe inside an XML element: markup characters escaped, control characters dropped. */
export function escapeXml(text: string): string {
	return [...text]
		.filter((char) => {
			const code = char.codePointAt(0)!;
			return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
		})
		.join('')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

function caption(label: string): string {
	const text =
		[...label.trim()].length > MAX_LABEL
			? `${[...label.trim()]
					.slice(0, MAX_LABEL - 1)
					.join('')
					.trimEnd()}…`
			: label.trim();
	return (
		rect(0, 258, 400, 42, '#ffffff', 0, 'opacity="0.88"') +
		`<text x="200" y="285" text-anchor="middle" font-family="sans-serif" font-size="18" font-weight="600" fill="#2b2b2b">${escapeXml(text)}</text>`
	);
}

/**
 * An illustration for a product kind (bread, cheese, wine…) or a shop front ("shop"), varied by
 * the seed (usually the product or shop slug). An optional label is written at the bottom and
 * becomes the accessible name of the image.
 */
export function illustrationSvg(kind: string, seed: string, label?: string): string {
	const r = createRandom(`${kind}:${seed}`);
	const draw = isIllustrationKind(kind) ? drawers[kind] : basket;
	const hasLabel = label !== undefined && label.trim() !== '';
	const title = hasLabel ? `<title>${escapeXml(label.trim())}</title>` : '';
	const accessibility = hasLabel ? 'role="img"' : 'aria-hidden="true"';
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" width="400" height="300" ${accessibility}>` +
		title +
		backdrop(r) +
		ellipse(200, 246, 150, 12, '#000000', 'opacity="0.06"') +
		draw(r) +
		(hasLabel ? caption(label) : '') +
		'</svg>'
	);
}
