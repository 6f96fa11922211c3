import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeShop, makeTerritory } from '../../../../tests/setup/fixtures.ts';
import type { Database } from '../db/client.ts';
import type { Db } from '../db/client.ts';
import { memberships, outboxEmails, shopInvitations, user } from '../db/schema/index.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.ts';
import {
	acceptInvitation,
	changeMemberRole,
	findInvitation,
	hashToken,
	inviteMember,
	listTeam,
	removeMember,
	revokeInvitation
} from './team.ts';

let database: Database;
let db: Db;
const ORIGIN = 'http://localhost:3000';

async function makeUser(email = `u-${randomUUID().slice(0, 8)}@exemple.fr`, name = 'Camille Test') {
	const [u] = await db.insert(user).values({ id: randomUUID(), name, email }).returning();
	return u;
}

/** A shop with its owner, as the owner's scope. */
async function ownedShop() {
	const territory = await makeTerritory(db);
	const shop = await makeShop(db, territory.id, { name: 'Épicerie Test' });
	const owner = await makeUser();
	await db.insert(memberships).values({ userId: owner.id, role: 'shop_owner', territoryId: territory.id, shopId: shop.id });
	const scope: ShopScope = { userId: owner.id, territoryId: territory.id, shopId: shop.id, role: 'shop_owner' };
	return { territory, shop, owner, scope };
}

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
});
afterAll(async () => {
	await database?.close();
});

describe('inviting and accepting', () => {
	it('stores only the hash of the token, emails the link, and lets the invited account join once', async () => {
		const { territory, shop, scope } = await ownedShop();
		const invited = await makeUser('Marie.Dupont@Exemple.fr', 'Marie Dupont');
		const { id, token } = await inviteMember(
			db,
			scope,
			{ email: ' marie.dupont@exemple.fr ', role: 'shop_staff' },
			{ origin: ORIGIN, locale: 'fr' }
		);

		const [row] = await db.select().from(shopInvitations).where(eq(shopInvitations.id, id));
		expect(row.tokenHash).toBe(hashToken(token));
		expect(row.tokenHash).not.toContain(token);
		expect(row.email).toBe('marie.dupont@exemple.fr');
		expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 86_400_000);
		const [mail] = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, 'marie.dupont@exemple.fr'));
		expect(mail.text).toContain(`${ORIGIN}/invitation/${token}`);
		expect(mail.subject).toContain('Épicerie Test');

		expect((await findInvitation(db, token, territory.id))?.state).toBe('pending');
		const joined = await acceptInvitation(db, { token, territoryId: territory.id, userId: invited.id, userEmail: invited.email });
		expect(joined).toEqual({ shopId: shop.id, role: 'shop_staff' });
		const team = await listTeam(db, scope);
		expect(team.members.map((m) => [m.email, m.role])).toContainEqual(['Marie.Dupont@Exemple.fr', 'shop_staff']);
		expect(team.invitations).toEqual([]);

		await expect(acceptInvitation(db, { token, territoryId: territory.id, userId: invited.id, userEmail: invited.email })).rejects.toThrow(
			'team_error_invitation_accepted'
		);
		expect((await findInvitation(db, token, territory.id))?.state).toBe('accepted');
	});

	it('refuses an account with another email, an expired and a revoked invitation, and an unknown token', async () => {
		const { territory, scope } = await ownedShop();
		const other = await makeUser();
		const { token } = await inviteMember(db, scope, { email: 'paul@exemple.fr', role: 'shop_staff' }, { origin: ORIGIN, locale: 'fr' });
		await expect(acceptInvitation(db, { token, territoryId: territory.id, userId: other.id, userEmail: other.email })).rejects.toThrow(
			'team_error_wrong_account'
		);

		const paul = await makeUser('paul@exemple.fr');
		const later = new Date(Date.now() + 8 * 86_400_000);
		await expect(
			acceptInvitation(db, { token, territoryId: territory.id, userId: paul.id, userEmail: paul.email, now: later })
		).rejects.toThrow('team_error_invitation_expired');

		const { id: revokedId, token: revokedToken } = await inviteMember(
			db,
			scope,
			{ email: 'paul@exemple.fr', role: 'shop_owner' },
			{ origin: ORIGIN, locale: 'fr' }
		);
		// Inviting again replaced the first link.
		expect((await findInvitation(db, token, territory.id))?.state).toBe('revoked');
		await revokeInvitation(db, scope, { id: revokedId }, 'fr');
		await expect(
			acceptInvitation(db, { token: revokedToken, territoryId: territory.id, userId: paul.id, userEmail: paul.email })
		).rejects.toThrow('team_error_invitation_revoked');
		await expect(
			acceptInvitation(db, { token: 'x'.repeat(43), territoryId: territory.id, userId: paul.id, userEmail: paul.email })
		).rejects.toBeInstanceOf(NotFoundError);
		// A link is only valid in its own territory.
		const elsewhere = await makeTerritory(db);
		expect(await findInvitation(db, revokedToken, elsewhere.id)).toBeNull();
		const rows = await db.select().from(memberships).where(eq(memberships.userId, paul.id));
		expect(rows).toEqual([]);
	});

	it('lets only one of two concurrent accepts win', async () => {
		const { territory, shop, scope } = await ownedShop();
		const invited = await makeUser('race@exemple.fr');
		const { token } = await inviteMember(db, scope, { email: 'race@exemple.fr', role: 'shop_staff' }, { origin: ORIGIN, locale: 'en' });
		const results = await Promise.allSettled(
			[0, 1, 2].map(() => acceptInvitation(db, { token, territoryId: territory.id, userId: invited.id, userEmail: invited.email }))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results.filter((r) => r.status === 'rejected'))
			expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
		const rows = await db
			.select()
			.from(memberships)
			.where(and(eq(memberships.userId, invited.id), eq(memberships.shopId, shop.id)));
		expect(rows).toHaveLength(1);
	});

	it('answers field errors for a bad email or role and for someone already in the team', async () => {
		const { scope, owner } = await ownedShop();
		const ctx = { origin: ORIGIN, locale: 'fr' as const };
		for (const input of [
			{ email: '', role: 'shop_staff' },
			{ email: 'pas-un-email', role: 'shop_staff' },
			{ email: `${'a'.repeat(300)}@x.fr`, role: 'shop_staff' },
			{}
		]) {
			const e = await inviteMember(db, scope, input, ctx).catch((x) => x);
			expect(e).toBeInstanceOf(InvalidInputError);
			expect((e as InvalidInputError).fields.email?.length).toBeGreaterThan(0);
		}
		const badRole = await inviteMember(db, scope, { email: 'a@b.fr', role: 'operator' }, ctx).catch((x) => x);
		expect((badRole as InvalidInputError).fields.role).toEqual(['Choisissez « Gérant » ou « Équipe ».']);
		const already = await inviteMember(db, scope, { email: owner.email.toUpperCase(), role: 'shop_staff' }, ctx).catch((x) => x);
		expect((already as InvalidInputError).fields.email).toEqual(['Cette personne fait déjà partie de l’équipe.']);
		expect(await db.select().from(shopInvitations).where(eq(shopInvitations.shopId, scope.shopId))).toEqual([]);
	});
});

describe('owner-only team management', () => {
	it('refuses every change to staff, who can still see the team', async () => {
		const { territory, shop, scope } = await ownedShop();
		const clerk = await makeUser();
		const [m] = await db
			.insert(memberships)
			.values({ userId: clerk.id, role: 'shop_staff', territoryId: territory.id, shopId: shop.id })
			.returning();
		const { id: invitationId } = await inviteMember(
			db,
			scope,
			{ email: 'x@exemple.fr', role: 'shop_staff' },
			{ origin: ORIGIN, locale: 'fr' }
		);
		const staff: ShopScope = { ...scope, userId: clerk.id, role: 'shop_staff' };
		await expect(
			inviteMember(db, staff, { email: 'y@exemple.fr', role: 'shop_owner' }, { origin: ORIGIN, locale: 'fr' })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(revokeInvitation(db, staff, { id: invitationId }, 'fr')).rejects.toBeInstanceOf(ForbiddenError);
		await expect(changeMemberRole(db, staff, { id: m.id, role: 'shop_owner' }, 'fr')).rejects.toBeInstanceOf(ForbiddenError);
		await expect(removeMember(db, staff, { id: m.id }, 'fr')).rejects.toBeInstanceOf(ForbiddenError);
		// A stale scope (demoted since the request began) is caught inside the transaction too.
		await expect(changeMemberRole(db, { ...staff, role: 'shop_owner' }, { id: m.id, role: 'shop_owner' }, 'fr')).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const team = await listTeam(db, staff);
		expect(team.canManage).toBe(false);
		expect(team.members).toHaveLength(2);
		expect(team.invitations).toHaveLength(1);
	});

	it("treats another shop's invitation and member ids as unknown", async () => {
		const a = await ownedShop();
		const b = await ownedShop();
		const { id: invitationOfB } = await inviteMember(
			db,
			b.scope,
			{ email: 'z@exemple.fr', role: 'shop_staff' },
			{ origin: ORIGIN, locale: 'fr' }
		);
		const [ownerOfB] = await db.select().from(memberships).where(eq(memberships.shopId, b.shop.id));
		await expect(revokeInvitation(db, a.scope, { id: invitationOfB }, 'fr')).rejects.toBeInstanceOf(NotFoundError);
		await expect(changeMemberRole(db, a.scope, { id: ownerOfB.id, role: 'shop_staff' }, 'fr')).rejects.toBeInstanceOf(NotFoundError);
		await expect(removeMember(db, a.scope, { id: ownerOfB.id }, 'fr')).rejects.toBeInstanceOf(NotFoundError);
		await expect(removeMember(db, a.scope, { id: 'not-a-uuid' }, 'fr')).rejects.toBeInstanceOf(InvalidInputError);
		expect((await listTeam(db, b.scope)).invitations).toHaveLength(1);
		expect((await db.select().from(memberships).where(eq(memberships.id, ownerOfB.id)))[0].role).toBe('shop_owner');
	});

	it('never removes or demotes the last owner, even when two owners demote each other at once', async () => {
		const { territory, shop, scope } = await ownedShop();
		const [mine] = await db.select().from(memberships).where(eq(memberships.shopId, shop.id));
		await expect(removeMember(db, scope, { id: mine.id }, 'fr')).rejects.toThrow('team_error_last_owner');
		await expect(changeMemberRole(db, scope, { id: mine.id, role: 'shop_staff' }, 'fr')).rejects.toThrow('team_error_last_owner');

		const second = await makeUser();
		const [theirs] = await db
			.insert(memberships)
			.values({ userId: second.id, role: 'shop_owner', territoryId: territory.id, shopId: shop.id })
			.returning();
		const secondScope: ShopScope = { ...scope, userId: second.id };
		const results = await Promise.allSettled([
			changeMemberRole(db, scope, { id: theirs.id, role: 'shop_staff' }, 'fr'),
			changeMemberRole(db, secondScope, { id: mine.id, role: 'shop_staff' }, 'fr')
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const owners = await db
			.select()
			.from(memberships)
			.where(and(eq(memberships.shopId, shop.id), eq(memberships.role, 'shop_owner')));
		expect(owners).toHaveLength(1);

		// With two owners again, one can remove the other.
		const staffRow = (await db.select().from(memberships).where(eq(memberships.shopId, shop.id))).find((r) => r.role === 'shop_staff')!;
		const ownerScope: ShopScope = { ...scope, userId: owners[0].userId };
		await changeMemberRole(db, ownerScope, { id: staffRow.id, role: 'shop_owner' }, 'fr');
		await removeMember(db, ownerScope, { id: staffRow.id }, 'fr');
		expect(await db.select().from(memberships).where(eq(memberships.shopId, shop.id))).toHaveLength(1);
	});
});
