import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';

/** A table read from a file: its header row and its data rows, each with its line number in the file. */
export type Table = { headers: string[]; rows: { line: number; cells: string[] }[]; truncated: boolean };

/** Why a whole file was refused (an i18n key and its parameters). */
export class FileProblem extends Error {
	readonly key: string;
	readonly params: Record<string, unknown>;
	constructor(key: string, params: Record<string, unknown> = {}) {
		super(key);
		this.key = key;
		this.params = params;
	}
}

export type FileKind = 'csv' | 'xlsx';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** The kind of file by its content: an .xlsx is a zip; anything else must be text. */
export function kindOf(bytes: Uint8Array): FileKind {
	return startsWith(bytes, ZIP) ? 'xlsx' : 'csv';
}

/** Bytes that never appear in a Windows-1252 text (undefined code points) or in any text (NUL, most controls). */
function looksBinary(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, 65536);
	let controls = 0;
	for (const b of sample) {
		if (b === 0) return true;
		if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) controls++;
	}
	return controls > 0;
}

/**
 * Decodes a CSV file's text. UTF-8 (with or without its BOM) is tried first; a file that is not
 * valid UTF-8 is what French Excel writes with "CSV (séparateur : point-virgule)", Windows-1252,
 * decoded as such. UTF-16 (Excel's "Texte Unicode") is read from its BOM. Anything with bytes no
 * text has (a PDF, an image, a .xls) is refused.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' | 'utf-16le' } {
	if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
		try {
			return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
		} catch {
			throw new FileProblem('media_import_error_encoding');
		}
	}
	if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
	if (looksBinary(bytes)) throw new FileProblem('media_import_error_encoding');
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		// 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252: such a file is in some other encoding.
		for (const b of bytes)
			if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) throw new FileProblem('media_import_error_encoding');
		return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
	}
}

/** The separator of the header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectSeparator(text: string): ';' | ',' | '\t' {
	const counts = { ';': 0, ',': 0, '\t': 0 };
	let quoted = false;
	for (const ch of text) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
	}
	if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
	return counts[','] > counts[';'] ? ',' : ';';
}

/** Reads a CSV table, at most `maxRows` data rows (one more is read to know the file is longer). */
export function readCsv(bytes: Uint8Array, maxRows: number): Table & { encoding: string; separator: string } {
	const { text, encoding } = decodeText(bytes);
	if (!text.trim()) throw new FileProblem('media_import_error_empty');
	const separator = detectSeparator(text);
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, {
			delimiter: separator,
			info: true,
			relax_column_count: true,
			skip_empty_lines: true,
			skip_records_with_empty_values: true,
			trim: true,
			// The header, the rows allowed, and one more to know the file is longer.
			to: maxRows + 2
		}) as unknown as { record: string[]; info: { lines: number } }[];
	} catch (error) {
		const line = (error as { lines?: number }).lines;
		throw new FileProblem('media_import_error_csv', { line: line ?? '?' });
	}
	if (!records.length) throw new FileProblem('media_import_error_empty');
	const [head, ...body] = records;
	const truncated = body.length > maxRows;
	return {
		headers: head.record,
		rows: body.slice(0, maxRows).map((r) => ({ line: r.info.lines, cells: r.record })),
		truncated,
		encoding,
		separator
	};
}

/** A cell as the text a merchant sees: numbers with a dot, dates as YYYY-MM-DD, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value)
			return value.richText
				.map((r) => r.text)
				.join('')
				.trim();
		if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
		if ('text' in value) return String(value.text).trim();
		if ('error' in value) return '';
	}
	return String(value).trim();
}

/** Reads the first worksheet of an .xlsx workbook. */
export async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<Table> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	} catch {
		throw new FileProblem('media_import_error_xlsx');
	}
	const sheet = workbook.worksheets[0];
	if (!sheet || sheet.actualRowCount === 0) throw new FileProblem('media_import_error_empty');
	let headers: string[] | null = null;
	const rows: Table['rows'] = [];
	let truncated = false;
	sheet.eachRow({ includeEmpty: false }, (row, line) => {
		const values = row.values as ExcelJS.CellValue[];
		// row.values is 1-based: index 0 is always empty.
		const cells = values.slice(1).map(cellText);
		if (cells.every((c) => c === '')) return;
		if (!headers) {
			headers = cells;
			return;
		}
		if (rows.length >= maxRows) {
			truncated = true;
			return;
		}
		rows.push({ line, cells });
	});
	if (!headers) throw new FileProblem('media_import_error_empty');
	return { headers, rows, truncated };
}
