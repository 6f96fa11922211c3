import { t, type Locale } from '../i18n.ts';

const numberFormat = {
	fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 }),
	en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 })
};

/** "2 ×" for pieces, "1,25 kg" for goods sold by weight or volume (emails and the PDF, any language). */
export function quantityLabel(quantity: number, unit: string, locale: Locale): string {
	const n = numberFormat[locale].format(quantity);
	return unit === 'piece' ? `${n} ×` : `${n} ${t(`unit_${unit}`, locale)}`;
}
