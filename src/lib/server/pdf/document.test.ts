import { describe, it, expect } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { createPdf } from './document.ts';

describe('createPdf', () => {
	it('writes a real PDF whose text (accents, euro sign) reads back', async () => {
		const { doc, finish } = createPdf({ title: 'Essai' });
		doc.fontSize(12).text('Pâté en croûte — 12,50 € « maison »');
		const bytes = await finish();
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
		expect(text).toContain('Pâté en croûte');
		expect(text).toContain('12,50 €');
	});
});
