import {
	catalog_inco_allergens,
	catalog_inco_ingredients,
	catalog_inco_name,
	catalog_inco_net_quantity,
	catalog_inco_origin,
	catalog_inco_storage
} from '#lib/paraglide/messages.js';

// Names of the missing food-information items, as an explicit map (no lookup by computed key).
const names: Record<string, () => string> = {
	name: catalog_inco_name,
	ingredients: catalog_inco_ingredients,
	allergens: catalog_inco_allergens,
	net_quantity: catalog_inco_net_quantity,
	storage: catalog_inco_storage,
	origin: catalog_inco_origin
};

export const foodInfoName = (key: string) => names[key]?.() ?? key;
