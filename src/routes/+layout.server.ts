import type { LayoutServerLoad } from './$types';
import { cartCount } from '#lib/server/http/cart-cookie.ts';

export const load: LayoutServerLoad = async (event) => {
	const { locals } = event;
	return {
		locale: locals.locale,
		territory: locals.territory
			? { name: locals.territory.name, slug: locals.territory.slug, primaryColor: locals.territory.primaryColor }
			: null,
		user: locals.user ? { name: locals.user.name } : null,
		canPro: locals.roles.some((r) => r.role === 'shop_owner' || r.role === 'shop_staff'),
		canAdmin: locals.roles.some((r) => r.role === 'operator' || r.role === 'platform_admin'),
		cartCount: await cartCount(event)
	};
};
