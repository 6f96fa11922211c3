import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import jsQR from 'jsqr';
import { extractText, getDocumentProxy } from 'unpdf';
import { LAYOUTS, slot, type LayoutId } from '../../src/lib/server/labels/layouts.ts';

const run = promisify(execFile);

/**
 * Reads a generated PDF back as a person would: its text (unpdf), and each page rendered to an
 * image by poppler's `pdftoppm`, cut into `regions` (in page fractions) where jsQR looks for a QR code.
 */
export async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
	const doc = await getDocumentProxy(new Uint8Array(bytes));
	const { text } = await extractText(doc, { mergePages: true });
	return { text: text.replace(/[\u00a0\u202f]/g, ' '), pages: doc.numPages };
}

export type Region = { left: number; top: number; width: number; height: number };

/** Where label `index` of a sheet started at `start` sits on its A4 page (210 × 297 mm), in page fractions. */
export function labelRegion(layout: LayoutId, start: number, index: number): Region {
	const l = LAYOUTS[layout];
	const at = slot(l, start, index);
	return { left: at.x / 210, top: at.y / 297, width: l.width / 210, height: l.height / 297 };
}

export async function decodeQrCodes(bytes: Buffer, page: number, regions: Region[], dpi = 200): Promise<(string | null)[]> {
	return withPage(bytes, page, dpi, regions, (data, width, height) => jsQR(data, width, height)?.data ?? null);
}

/** How many pixels of each region are not white (ink), on the rendered page. */
export async function inkPixels(bytes: Buffer, page: number, regions: Region[], dpi = 100): Promise<number[]> {
	return withPage(bytes, page, dpi, regions, (data) => {
		let ink = 0;
		for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink++;
		return ink;
	});
}

async function withPage<T>(
	bytes: Buffer,
	page: number,
	dpi: number,
	regions: Region[],
	read: (data: Uint8ClampedArray, width: number, height: number) => T
): Promise<T[]> {
	const dir = mkdtempSync(join(tmpdir(), 'labels-qr-'));
	try {
		const pdf = join(dir, 'sheet.pdf');
		writeFileSync(pdf, bytes);
		await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-png', pdf, join(dir, 'page')]);
		const png = readdirSync(dir).find((f) => f.endsWith('.png'));
		if (!png) throw new Error('pdftoppm wrote no page');
		const image = sharp(join(dir, png));
		const { width, height } = await image.metadata();
		const out: T[] = [];
		for (const r of regions) {
			const extract = {
				left: Math.round(r.left * width!),
				top: Math.round(r.top * height!),
				width: Math.round(r.width * width!),
				height: Math.round(r.height * height!)
			};
			const { data, info } = await sharp(join(dir, png)).extract(extract).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
			out.push(read(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height));
		}
		return out;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
