import { z } from 'zod';
import { TRADE_KEYS } from './trades.ts';
import { isValidSiret, isValidFrenchVat, normaliseSiret, normaliseVatNumber, sirenOfVat } from './identifiers.ts';

// The wizard's steps and the one zod schema of each: the wizard and the shop settings page parse
// the same forms with the same schemas, so a rule lives in one place.

export const WIZARD_STEPS = ['trade', 'identity', 'address', 'hours', 'fulfilment', 'products'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** The French URL segment of each step: /pro/ouverture/<segment>. */
export const STEP_SEGMENTS: Record<WizardStep, string> = {
	trade: 'metier',
	identity: 'identite',
	address: 'adresse',
	hours: 'horaires',
	fulfilment: 'retrait',
	products: 'produits'
};

export const stepOfSegment = (segment: string): WizardStep | null => WIZARD_STEPS.find((step) => STEP_SEGMENTS[step] === segment) ?? null;
export const isWizardStep = (step: string | null | undefined): step is WizardStep => WIZARD_STEPS.includes(step as WizardStep);
export const stepIndex = (step: WizardStep) => WIZARD_STEPS.indexOf(step);
export const nextStep = (step: WizardStep): WizardStep | null => WIZARD_STEPS[stepIndex(step) + 1] ?? null;
export const previousStep = (step: WizardStep): WizardStep | null => WIZARD_STEPS[stepIndex(step) - 1] ?? null;
/** The further of two steps: going back to fix a step never loses how far the merchant got. */
export const furthest = (a: WizardStep, b: WizardStep): WizardStep => (stepIndex(a) >= stepIndex(b) ? a : b);

const text = (max: number) => z.string().trim().max(max);
/** A checkbox: present ("on") or absent. */
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

export const TradeStepInput = z.object({ trade: z.enum(TRADE_KEYS, { error: 'wizard_error_trade' }) });

/** French phone numbers, national (01 23 45 67 89) or international (+33 1 23 45 67 89). */
const PHONE = /^(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/;

/** Identity fields anyone of the team may change. */
export const IdentityInput = z.object({
	name: text(80).min(2, { error: 'wizard_error_name' }),
	description: text(2000),
	phone: z.string().trim().regex(PHONE, { error: 'wizard_error_phone' }),
	email: z.email({ error: 'wizard_error_email' }).max(200)
});

/** Legal identity: owners only (SPEC §3.2 staff roles). A VAT number is optional (franchise en base). */
export const LegalInput = z
	.object({
		legalName: text(160).min(2, { error: 'wizard_error_legal_name' }),
		siret: z.string().max(40).transform(normaliseSiret).refine(isValidSiret, { error: 'wizard_error_siret' }),
		vatNumber: z
			.string()
			.max(40)
			.optional()
			.transform((v) => (v ? normaliseVatNumber(v) : null))
			.refine((v) => v === null || isValidFrenchVat(v), { error: 'wizard_error_vat' })
	})
	.superRefine(({ siret, vatNumber }, ctx) => {
		if (vatNumber && isValidFrenchVat(vatNumber) && isValidSiret(siret) && sirenOfVat(vatNumber) !== siret.slice(0, 9)) {
			ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: 'wizard_error_vat_siren' });
		}
	});

/** A decimal typed with a comma or a point ("47,39"); empty → undefined. */
const decimal = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.replace(',', '.'))) : v),
	z.number().optional()
);

export const AddressInput = z.object({
	address: text(200).min(3, { error: 'wizard_error_address' }),
	postcode: z
		.string()
		.trim()
		.regex(/^\d{5}$/, { error: 'wizard_error_postcode' }),
	city: text(100).min(1, { error: 'wizard_error_city' }),
	latitude: decimal.pipe(z.number({ error: 'wizard_error_latitude' }).min(-90).max(90).optional()),
	longitude: decimal.pipe(z.number({ error: 'wizard_error_longitude' }).min(-180).max(180).optional())
});

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;
/** Form names of one opening period: d1_opens1, d1_closes1, d1_opens2, d1_closes2 (Monday). */
export const periodField = (weekday: number, edge: 'opens' | 'closes', n: 1 | 2) => `d${weekday}_${edge}${n}`;

/**
 * Opening hours: up to two periods per weekday, each "opens" before "closes", the second after the
 * first. Errors name the field, so each is shown next to its input.
 */
export const HoursInput = z.record(z.string(), z.unknown()).transform((form, ctx) => {
	const periods: { weekday: number; opens: string; closes: string }[] = [];
	for (const weekday of WEEKDAYS) {
		let previousCloses = -1;
		for (const n of [1, 2] as const) {
			const opensName = periodField(weekday, 'opens', n);
			const closesName = periodField(weekday, 'closes', n);
			const opens = String(form[opensName] ?? '').trim();
			const closes = String(form[closesName] ?? '').trim();
			if (!opens && !closes) continue;
			if (!TIME.test(opens)) {
				ctx.issues.push({ code: 'custom', input: opens, path: [opensName], message: 'wizard_error_time' });
				continue;
			}
			if (!TIME.test(closes)) {
				ctx.issues.push({ code: 'custom', input: closes, path: [closesName], message: 'wizard_error_time' });
				continue;
			}
			if (minutes(closes) <= minutes(opens)) {
				ctx.issues.push({ code: 'custom', input: closes, path: [closesName], message: 'wizard_error_period_order' });
				continue;
			}
			if (minutes(opens) < previousCloses) {
				ctx.issues.push({ code: 'custom', input: opens, path: [opensName], message: 'wizard_error_period_overlap' });
				continue;
			}
			previousCloses = minutes(closes);
			periods.push({ weekday, opens, closes });
		}
	}
	const onVacation = form.onVacation === 'on' || form.onVacation === 'true';
	const vacationMessage = String(form.vacationMessage ?? '').trim();
	if (vacationMessage.length > 500)
		ctx.issues.push({ code: 'custom', input: '', path: ['vacationMessage'], message: 'wizard_error_too_long' });
	return { openingHours: periods, onVacation, vacationMessage: vacationMessage || null };
});

const isoDate = z.iso.date({ error: 'wizard_error_date' });

/** One exceptional closure: whole local days, both ends included, at most a year long. */
export const ClosureInput = z.object({ startsOn: isoDate, endsOn: isoDate, reason: text(200) }).superRefine(({ startsOn, endsOn }, ctx) => {
	if (endsOn < startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'wizard_error_closure_order' });
	else if (Date.parse(endsOn) - Date.parse(startsOn) > 366 * 86_400_000)
		ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'wizard_error_closure_long' });
});

export const SLOT_LENGTHS = [15, 20, 30, 45, 60, 90, 120] as const;
/** Euros typed with a comma or a point → cents; empty → 0. */
export const eurosToCents = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? 0 : Math.round(Number(v.replace(',', '.').replace(/\s|€/g, '')) * 100)) : v),
	z.number({ error: 'wizard_error_amount' }).int({ error: 'wizard_error_amount' }).min(0, { error: 'wizard_error_amount' })
);

export const FulfilmentInput = z
	.object({
		offersPickup: checkbox,
		slotMinutes: z.coerce.number().refine((n) => (SLOT_LENGTHS as readonly number[]).includes(n), { error: 'wizard_error_slot_length' }),
		leadMinutes: z.coerce
			.number({ error: 'wizard_error_lead' })
			.int({ error: 'wizard_error_lead' })
			.min(0, { error: 'wizard_error_lead' })
			.max(14 * 24 * 60, { error: 'wizard_error_lead' }),
		slotCapacity: z.coerce
			.number({ error: 'wizard_error_capacity' })
			.int({ error: 'wizard_error_capacity' })
			.min(1, { error: 'wizard_error_capacity' })
			.max(200, { error: 'wizard_error_capacity' }),
		/** Typed in euros. */
		minOrder: eurosToCents.pipe(z.number().max(100_000, { error: 'wizard_error_amount' }))
	})
	.transform(({ minOrder, ...rest }) => ({ ...rest, minOrderCents: minOrder }));

/** The starter products ticked: `pick` = indexes in the template's list, `price_<i>` = the price typed. */
export const ProductsStepInput = z.record(z.string(), z.unknown()).transform((form, ctx) => {
	const picked = ([] as unknown[]).concat(form.pick ?? []).map((v) => Number(v));
	const picks: { index: number; priceCents: number }[] = [];
	for (const index of new Set(picked)) {
		if (!Number.isInteger(index) || index < 0 || index > 200) {
			ctx.issues.push({ code: 'custom', input: index, path: ['pick'], message: 'wizard_error_pick' });
			continue;
		}
		const field = `price_${index}`;
		const raw = String(form[field] ?? '').trim();
		const euros = Number(raw.replace(',', '.').replace(/\s|€/g, ''));
		if (raw === '' || !Number.isFinite(euros) || euros <= 0 || euros > 10_000) {
			ctx.issues.push({ code: 'custom', input: raw, path: [field], message: 'wizard_error_price' });
			continue;
		}
		picks.push({ index, priceCents: Math.round(euros * 100) });
	}
	return picks;
});
