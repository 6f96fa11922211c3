import PDFDocument from 'pdfkit';

/**
 * The one way the platform makes a PDF (invoices, picking lists, shelf labels): pdfkit, A4, the
 * standard Helvetica faces (their WinAnsi encoding covers French accents, « », € and œ), metadata
 * set, and the whole file returned as a Buffer once written.
 */
export type PdfOptions = { title: string; author?: string; margin?: number; size?: string | [number, number] };

export type Pdf = { doc: PDFKit.PDFDocument; finish(): Promise<Buffer> };

export const A4 = { width: 595.28, height: 841.89 } as const;

/** Millimetres to PDF points (1 pt = 1/72 in). */
export const mm = (value: number) => (value * 72) / 25.4;

export function createPdf(options: PdfOptions): Pdf {
	const doc = new PDFDocument({
		size: options.size ?? 'A4',
		margin: options.margin ?? mm(15),
		info: { Title: options.title, Author: options.author ?? 'Échoppe', Producer: 'Échoppe', Creator: 'Échoppe' },
		// A fixed creation date would be nicer for tests, but legal documents carry the real one.
		bufferPages: true
	});
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	return {
		doc,
		finish() {
			doc.end();
			return done;
		}
	};
}

/** A Response for a generated PDF: inline (opens in the phone's viewer) with a download name. */
export function pdfResponse(bytes: Buffer, filename: string, disposition: 'inline' | 'attachment' = 'inline'): Response {
	const safe = filename.replace(/[^\w.-]+/g, '_');
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `${disposition}; filename="${safe}"`,
			'cache-control': 'private, no-store'
		}
	});
}
