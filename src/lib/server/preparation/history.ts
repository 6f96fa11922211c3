import { euros } from '../../format.ts';
import { t, type Locale } from '../i18n.ts';
import type { orderAdjustments, orderLines } from '../db/schema/index.ts';
import { quantityLabel } from './format.ts';
import { DEFAULT_TOLERANCE_BPS, isWeighed, kilos, toleranceBounds } from './weight.ts';
import { isPreparable } from './adjust.ts';

type Adjustment = typeof orderAdjustments.$inferSelect;
type Line = typeof orderLines.$inferSelect;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));

/** One line of the order's history for a preparation change, in the reader's language. */
export function adjustmentText(a: Adjustment, locale: Locale): string {
	const d = a.detail;
	const totals = t('prep_history_totals', locale, { before: euros(a.totalBeforeCents, locale), after: euros(a.totalAfterCents, locale) });
	const item = `${quantityLabel(num(d.quantity), str(d.unit) || 'kg', locale)} ${str(d.product)}${d.variant ? ` (${str(d.variant)})` : ''}`;
	switch (a.kind) {
		case 'weighed':
			return `${t('prep_history_weighed', locale, { weight: kilos(num(d.weighed), locale), ordered: quantityLabel(num(d.quantity), 'kg', locale) })} — ${totals}`;
		case 'removed':
			return `${t('prep_history_removed', locale, { item })} — ${totals}`;
		case 'substitution_proposed':
			return t('prep_history_proposed', locale, { item, replaces: str(d.replaces) });
		case 'substitution_accepted':
			return `${t('prep_history_accepted', locale, { item, replaces: str(d.replaces) })} — ${totals}`;
		case 'substitution_refused':
			return `${t('prep_history_refused', locale, { replaces: str(d.replaces) })} — ${totals}`;
	}
}

/** What the merchant's controls need per line: whether it can be weighed, and the accepted range. */
export function lineControls(line: Line, orderStatus: string, locale: Locale) {
	const open = isPreparable(orderStatus) && !line.removedAt;
	const weighable = open && isWeighed(line.unit);
	const tolerance = line.toleranceBps ?? DEFAULT_TOLERANCE_BPS;
	const bounds = toleranceBounds(line.quantity, tolerance);
	return {
		open,
		weighable,
		toleranceHint: weighable
			? t('prep_tolerance_hint', locale, {
					min: kilos(bounds.min / 1000, locale),
					max: kilos(bounds.max / 1000, locale),
					percent: tolerance / 100
				})
			: null
	};
}
