// Names of structured catalog values (labels, allergens, trades, units) in the current language.
// Explicit maps, not a lookup by computed key: the bundler then ships only these messages
// (a computed lookup would pull every message of the app into the page, over the JS budget).
import {
	allergen_celery,
	allergen_crustaceans,
	allergen_eggs,
	allergen_fish,
	allergen_gluten,
	allergen_lupin,
	allergen_milk,
	allergen_molluscs,
	allergen_mustard,
	allergen_nuts,
	allergen_peanuts,
	allergen_sesame,
	allergen_soybeans,
	allergen_sulphites,
	label_ab,
	label_aoc,
	label_aop,
	label_fait_maison,
	label_hve,
	label_igp,
	label_label_rouge,
	label_nature_progres,
	per_kg,
	per_l,
	trade_bakery,
	trade_beekeeper,
	trade_bookshop,
	trade_butcher,
	trade_caterer,
	trade_cheesemonger,
	trade_chocolatier,
	trade_dairy_producer,
	trade_delicatessen,
	trade_fishmonger,
	trade_florist,
	trade_greengrocer,
	trade_grocery,
	trade_livestock_farmer,
	trade_market_gardener,
	trade_other,
	trade_pastry,
	trade_wine_shop,
	unit_box,
	unit_bunch,
	unit_cl,
	unit_dozen,
	unit_g,
	unit_kg,
	unit_l,
	unit_piece,
	weekday_0,
	weekday_1,
	weekday_2,
	weekday_3,
	weekday_4,
	weekday_5,
	weekday_6
} from './paraglide/messages.js';

type Msg = () => string;
const pick = (names: Record<string, Msg>, key: string | number): string => names[key]?.() ?? String(key);

const allergenNames: Record<string, Msg> = {
	celery: allergen_celery,
	crustaceans: allergen_crustaceans,
	eggs: allergen_eggs,
	fish: allergen_fish,
	gluten: allergen_gluten,
	lupin: allergen_lupin,
	milk: allergen_milk,
	molluscs: allergen_molluscs,
	mustard: allergen_mustard,
	nuts: allergen_nuts,
	peanuts: allergen_peanuts,
	sesame: allergen_sesame,
	soybeans: allergen_soybeans,
	sulphites: allergen_sulphites
};

const labelNames: Record<string, Msg> = {
	ab: label_ab,
	aoc: label_aoc,
	aop: label_aop,
	fait_maison: label_fait_maison,
	hve: label_hve,
	igp: label_igp,
	label_rouge: label_label_rouge,
	nature_progres: label_nature_progres
};

const perNames: Record<string, Msg> = {
	kg: per_kg,
	l: per_l
};

const tradeNames: Record<string, Msg> = {
	bakery: trade_bakery,
	beekeeper: trade_beekeeper,
	bookshop: trade_bookshop,
	butcher: trade_butcher,
	caterer: trade_caterer,
	cheesemonger: trade_cheesemonger,
	chocolatier: trade_chocolatier,
	dairy_producer: trade_dairy_producer,
	delicatessen: trade_delicatessen,
	fishmonger: trade_fishmonger,
	florist: trade_florist,
	greengrocer: trade_greengrocer,
	grocery: trade_grocery,
	livestock_farmer: trade_livestock_farmer,
	market_gardener: trade_market_gardener,
	other: trade_other,
	pastry: trade_pastry,
	wine_shop: trade_wine_shop
};

const unitNames: Record<string, Msg> = {
	box: unit_box,
	bunch: unit_bunch,
	cl: unit_cl,
	dozen: unit_dozen,
	g: unit_g,
	kg: unit_kg,
	l: unit_l,
	piece: unit_piece
};

const weekdayNames: Record<string, Msg> = {
	'0': weekday_0,
	'1': weekday_1,
	'2': weekday_2,
	'3': weekday_3,
	'4': weekday_4,
	'5': weekday_5,
	'6': weekday_6
};

export const labelName = (key: string) => pick(labelNames, key);
export const allergenName = (key: string) => pick(allergenNames, key);
export const tradeName = (key: string) => pick(tradeNames, key);
export const unitName = (key: string) => pick(unitNames, key);
export const perName = (key: string) => pick(perNames, key);
export const weekdayName = (day: number) => pick(weekdayNames, day);
