import { describe, it, expect } from 'vitest';
import { shopScope, operatorScope, requireOwner, type Membership } from './guard.ts';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';

const T1 = 'territory-1';
const T2 = 'territory-2';
const owner = (shopId: string, territoryId = T1): Membership => ({ role: 'shop_owner', territoryId, shopId });
const staff = (shopId: string, territoryId = T1): Membership => ({ role: 'shop_staff', territoryId, shopId });

describe('shopScope', () => {
	it('requires a signed-in user', () => {
		expect(() => shopScope(undefined, [owner('a')], T1)).toThrow(UnauthorizedError);
	});
	it('gives the first shop of the member when none is asked', () => {
		expect(shopScope('u', [owner('a'), staff('b')], T1)).toMatchObject({ shopId: 'a', role: 'shop_owner' });
	});
	it('honours a requested shop only when the user is a member of it', () => {
		expect(shopScope('u', [owner('a'), staff('b')], T1, 'b')).toMatchObject({ shopId: 'b', role: 'shop_staff' });
		expect(() => shopScope('u', [owner('a')], T1, 'other-tenant-shop')).toThrow(ForbiddenError);
	});
	it('refuses a consumer and a member of a shop in another territory', () => {
		expect(() => shopScope('u', [], T1)).toThrow(ForbiddenError);
		expect(() => shopScope('u', [owner('a', T2)], T1)).toThrow(ForbiddenError);
	});
	it('does not turn an operator into a merchant', () => {
		expect(() => shopScope('u', [{ role: 'operator', territoryId: T1, shopId: null }], T1)).toThrow(ForbiddenError);
	});
});

describe('operatorScope', () => {
	it('accepts an operator of this territory only', () => {
		const roles: Membership[] = [{ role: 'operator', territoryId: T1, shopId: null }];
		expect(operatorScope('u', roles, T1)).toMatchObject({ territoryId: T1, role: 'operator' });
		expect(() => operatorScope('u', roles, T2)).toThrow(ForbiddenError);
	});
	it('accepts a platform admin anywhere', () => {
		expect(operatorScope('u', [{ role: 'platform_admin', territoryId: null, shopId: null }], T2).role).toBe('platform_admin');
	});
	it('refuses merchants and consumers', () => {
		expect(() => operatorScope('u', [owner('a')], T1)).toThrow(ForbiddenError);
		expect(() => operatorScope('u', [], T1)).toThrow(ForbiddenError);
		expect(() => operatorScope(undefined, [], T1)).toThrow(UnauthorizedError);
	});
});

describe('requireOwner', () => {
	it('lets owners through and stops staff', () => {
		expect(() => requireOwner({ userId: 'u', territoryId: T1, shopId: 'a', role: 'shop_owner' })).not.toThrow();
		expect(() => requireOwner({ userId: 'u', territoryId: T1, shopId: 'a', role: 'shop_staff' })).toThrow(ForbiddenError);
	});
});
