import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, memberships, shopInvitations, shops, user } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { requireOwner, type ShopScope } from '../tenancy/guard.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { t, type Locale } from '../i18n.ts';

// A shop's team: its members (memberships with a shop role) and the invitations sent to join it.
// Everything that changes the team is for owners only (requireOwner); staff may look.
//
// Rules, each in one place below:
// - an invitation carries a random token sent by email; only its SHA-256 is stored, so a copy of
//   the database cannot be used to join a shop;
// - it lasts 7 days, is used once (a conditional update: of two concurrent accepts, one wins),
//   and can be revoked while it is pending;
// - it is accepted only by the account whose email is the invited one (case-insensitive): the
//   link alone is not enough if it was forwarded;
// - a shop always keeps at least one owner: team changes lock the shop row, so two owners
//   demoting each other at the same time cannot leave the shop without one.

export type ShopRole = 'shop_owner' | 'shop_staff';
export const INVITATION_DAYS = 7;
/** More pending invitations than this is not a team being built: refuse rather than send mail. */
export const MAX_PENDING_INVITATIONS = 20;

// Our own messages are team_… keys, which parseInput does not translate: the schemas are built
// per locale with the text itself.
const shopRoleInput = (l: Locale) => z.enum(['shop_owner', 'shop_staff'], { error: t('team_error_role', l) });
const inviteInput = (l: Locale) =>
	z.object({
		email: z
			.string()
			.trim()
			.toLowerCase()
			.min(1, 'error_required')
			.max(254)
			.pipe(z.email({ error: t('team_error_email', l) })),
		role: shopRoleInput(l)
	});
const IdInput = z.object({ id: z.uuid({ error: 'error_resource_not_found' }) });
const roleChangeInput = (l: Locale) => IdInput.extend({ role: shopRoleInput(l) });

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
export const invitationLink = (origin: string, token: string) => `${origin}/invitation/${token}`;

export type TeamMember = { membershipId: string; userId: string; name: string; email: string; role: ShopRole; since: Date };
export type PendingInvitation = { id: string; email: string; role: ShopRole; expiresAt: Date; createdAt: Date; expired: boolean };

/** Members and pending (not accepted, not revoked) invitations of the scoped shop. */
export async function listTeam(db: Db, scope: ShopScope, now = new Date()) {
	const [members, invitations] = await Promise.all([
		db
			.select({
				membershipId: memberships.id,
				userId: user.id,
				name: user.name,
				email: user.email,
				role: memberships.role,
				since: memberships.createdAt
			})
			.from(memberships)
			.innerJoin(user, eq(user.id, memberships.userId))
			.where(and(eq(memberships.shopId, scope.shopId), eq(memberships.territoryId, scope.territoryId)))
			.orderBy(asc(memberships.createdAt), asc(user.name)),
		db
			.select({
				id: shopInvitations.id,
				email: shopInvitations.email,
				role: shopInvitations.role,
				expiresAt: shopInvitations.expiresAt,
				createdAt: shopInvitations.createdAt
			})
			.from(shopInvitations)
			.where(and(eq(shopInvitations.shopId, scope.shopId), isNull(shopInvitations.acceptedAt), isNull(shopInvitations.revokedAt)))
			.orderBy(asc(shopInvitations.createdAt))
	]);
	return {
		members: members as TeamMember[],
		invitations: invitations.map((i) => ({ ...i, role: i.role as ShopRole, expired: i.expiresAt <= now })) as PendingInvitation[],
		canManage: scope.role === 'shop_owner'
	};
}

/** Locks the shop row: team changes of one shop run one after the other. */
async function lockShop(tx: Db, scope: ShopScope) {
	const [shop] = await tx
		.select({ id: shops.id, name: shops.name })
		.from(shops)
		.where(and(eq(shops.id, scope.shopId), eq(shops.territoryId, scope.territoryId)))
		.for('update');
	if (!shop) throw new NotFoundError('shop');
	// The scope was built at the start of the request; the actor may have been demoted since.
	const [actor] = await tx
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.shopId, scope.shopId), eq(memberships.userId, scope.userId), eq(memberships.role, 'shop_owner')));
	if (!actor) throw new ForbiddenError('owner only');
	return shop;
}

function audit(tx: Db, scope: ShopScope, action: string, data: Record<string, unknown>) {
	return tx.insert(auditLog).values({ territoryId: scope.territoryId, shopId: scope.shopId, actorUserId: scope.userId, action, data });
}

/**
 * Invites someone by email. Inviting the same address again replaces its pending invitation
 * (a new link; the old one stops working), which is also how an expired invitation is resent.
 * Returns the token for the caller's tests and logs; it is otherwise only in the email.
 */
export async function inviteMember(
	db: Db,
	scope: ShopScope,
	input: unknown,
	ctx: { origin: string; locale: Locale; now?: Date }
): Promise<{ id: string; token: string }> {
	requireOwner(scope);
	const data = parseInput(inviteInput(ctx.locale), input, ctx.locale, 400);
	const now = ctx.now ?? new Date();
	return db.transaction(async (tx) => {
		const shop = await lockShop(tx, scope);
		const [member] = await tx
			.select({ id: memberships.id })
			.from(memberships)
			.innerJoin(user, eq(user.id, memberships.userId))
			.where(and(eq(memberships.shopId, scope.shopId), sql`lower(${user.email}) = ${data.email}`));
		if (member) throw new InvalidInputError({ email: [t('team_error_already_member', ctx.locale)] }, 400);
		await tx
			.update(shopInvitations)
			.set({ revokedAt: now })
			.where(
				and(
					eq(shopInvitations.shopId, scope.shopId),
					eq(shopInvitations.email, data.email),
					isNull(shopInvitations.acceptedAt),
					isNull(shopInvitations.revokedAt)
				)
			);
		const [{ n }] = await tx
			.select({ n: count() })
			.from(shopInvitations)
			.where(
				and(
					eq(shopInvitations.shopId, scope.shopId),
					isNull(shopInvitations.acceptedAt),
					isNull(shopInvitations.revokedAt),
					gt(shopInvitations.expiresAt, now)
				)
			);
		if (Number(n) >= MAX_PENDING_INVITATIONS) throw new ConflictError('team_error_too_many_invitations');
		const token = randomBytes(32).toString('base64url');
		const [row] = await tx
			.insert(shopInvitations)
			.values({
				shopId: scope.shopId,
				email: data.email,
				role: data.role,
				tokenHash: hashToken(token),
				invitedBy: scope.userId,
				expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
				createdAt: now
			})
			.returning({ id: shopInvitations.id });
		const [inviter] = await tx.select({ name: user.name }).from(user).where(eq(user.id, scope.userId));
		const l = ctx.locale;
		const params = { shop: shop.name, inviter: inviter?.name ?? '', days: INVITATION_DAYS };
		await queueEmail(tx, {
			to: data.email,
			subject: t('team_email_subject', l, params),
			text: [
				t('team_email_hello', l),
				'',
				t(data.role === 'shop_owner' ? 'team_email_body_owner' : 'team_email_body_staff', l, params),
				'',
				invitationLink(ctx.origin, token),
				'',
				t('team_email_expiry', l, params),
				'',
				t('team_email_signature', l)
			].join('\n'),
			kind: 'shop_invitation',
			territoryId: scope.territoryId
		});
		await audit(tx, scope, 'team.invited', { invitationId: row.id, email: data.email, role: data.role });
		return { id: row.id, token };
	});
}

export async function revokeInvitation(db: Db, scope: ShopScope, input: unknown, locale: Locale, now = new Date()) {
	requireOwner(scope);
	const { id } = parseInput(IdInput, input, locale, 400);
	await db.transaction(async (tx) => {
		await lockShop(tx, scope);
		const revoked = await tx
			.update(shopInvitations)
			.set({ revokedAt: now })
			.where(
				and(
					eq(shopInvitations.id, id),
					eq(shopInvitations.shopId, scope.shopId),
					isNull(shopInvitations.acceptedAt),
					isNull(shopInvitations.revokedAt)
				)
			)
			.returning({ id: shopInvitations.id });
		if (!revoked.length) throw new NotFoundError('invitation');
		await audit(tx, scope, 'team.invitation_revoked', { invitationId: id });
	});
}

/** The member row of this shop, locked; another shop's membership id is simply not found. */
async function memberOfShop(tx: Db, scope: ShopScope, membershipId: string) {
	const [row] = await tx
		.select({ id: memberships.id, userId: memberships.userId, role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.id, membershipId), eq(memberships.shopId, scope.shopId), eq(memberships.territoryId, scope.territoryId)))
		.for('update');
	if (!row || (row.role !== 'shop_owner' && row.role !== 'shop_staff')) throw new NotFoundError('member');
	return row;
}

async function ownerCount(tx: Db, shopId: string) {
	const [{ n }] = await tx
		.select({ n: count() })
		.from(memberships)
		.where(and(eq(memberships.shopId, shopId), eq(memberships.role, 'shop_owner')));
	return Number(n);
}

export async function changeMemberRole(db: Db, scope: ShopScope, input: unknown, locale: Locale) {
	requireOwner(scope);
	const data = parseInput(roleChangeInput(locale), input, locale, 400);
	await db.transaction(async (tx) => {
		await lockShop(tx, scope);
		const member = await memberOfShop(tx, scope, data.id);
		if (member.role === data.role) return;
		if (member.role === 'shop_owner' && (await ownerCount(tx, scope.shopId)) <= 1) throw new ConflictError('team_error_last_owner');
		await tx.update(memberships).set({ role: data.role }).where(eq(memberships.id, member.id));
		await audit(tx, scope, 'team.role_changed', { membershipId: member.id, userId: member.userId, from: member.role, to: data.role });
	});
}

export async function removeMember(db: Db, scope: ShopScope, input: unknown, locale: Locale): Promise<{ userId: string }> {
	requireOwner(scope);
	const { id } = parseInput(IdInput, input, locale, 400);
	return db.transaction(async (tx) => {
		await lockShop(tx, scope);
		const member = await memberOfShop(tx, scope, id);
		if (member.role === 'shop_owner' && (await ownerCount(tx, scope.shopId)) <= 1) throw new ConflictError('team_error_last_owner');
		await tx.delete(memberships).where(eq(memberships.id, member.id));
		await audit(tx, scope, 'team.member_removed', { membershipId: member.id, userId: member.userId, role: member.role });
		return { userId: member.userId };
	});
}

export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired';
export type InvitationView = { id: string; shopId: string; shopName: string; email: string; role: ShopRole; state: InvitationState };

const TokenShape = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

function stateOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationState {
	if (row.acceptedAt) return 'accepted';
	if (row.revokedAt) return 'revoked';
	if (row.expiresAt <= now) return 'expired';
	return 'pending';
}

/** The invitation behind a link, in this territory only (a link of another territory is unknown here). */
export async function findInvitation(db: Db, token: string, territoryId: string, now = new Date()): Promise<InvitationView | null> {
	if (!TokenShape.safeParse(token).success) return null;
	const [row] = await db
		.select({
			id: shopInvitations.id,
			shopId: shops.id,
			shopName: shops.name,
			email: shopInvitations.email,
			role: shopInvitations.role,
			acceptedAt: shopInvitations.acceptedAt,
			revokedAt: shopInvitations.revokedAt,
			expiresAt: shopInvitations.expiresAt
		})
		.from(shopInvitations)
		.innerJoin(shops, eq(shops.id, shopInvitations.shopId))
		.where(and(eq(shopInvitations.tokenHash, hashToken(token)), eq(shops.territoryId, territoryId)));
	if (!row) return null;
	return { id: row.id, shopId: row.shopId, shopName: row.shopName, email: row.email, role: row.role as ShopRole, state: stateOf(row, now) };
}

export const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Accepts an invitation for the signed-in account: marks it accepted with a conditional update
 * (still pending, not expired) and creates the membership, in one transaction. A replay or the
 * loser of two concurrent accepts finds nothing left to update and gets a conflict.
 */
export async function acceptInvitation(
	db: Db,
	args: { token: string; territoryId: string; userId: string; userEmail: string; now?: Date }
): Promise<{ shopId: string; role: ShopRole }> {
	const now = args.now ?? new Date();
	const invitation = await findInvitation(db, args.token, args.territoryId, now);
	if (!invitation) throw new NotFoundError('invitation');
	if (invitation.state !== 'pending') throw new ConflictError(`team_error_invitation_${invitation.state}`);
	if (!sameEmail(invitation.email, args.userEmail)) throw new ConflictError('team_error_wrong_account');
	return db.transaction(async (tx) => {
		const taken = await tx
			.update(shopInvitations)
			.set({ acceptedAt: now })
			.where(
				and(
					eq(shopInvitations.id, invitation.id),
					isNull(shopInvitations.acceptedAt),
					isNull(shopInvitations.revokedAt),
					gt(shopInvitations.expiresAt, now)
				)
			)
			.returning({ id: shopInvitations.id });
		if (!taken.length) throw new ConflictError('team_error_invitation_accepted');
		const [existing] = await tx
			.select({ id: memberships.id })
			.from(memberships)
			.where(and(eq(memberships.shopId, invitation.shopId), eq(memberships.userId, args.userId)));
		if (existing) throw new ConflictError('team_error_already_member');
		await tx
			.insert(memberships)
			.values({ userId: args.userId, role: invitation.role, territoryId: args.territoryId, shopId: invitation.shopId });
		await tx.insert(auditLog).values({
			territoryId: args.territoryId,
			shopId: invitation.shopId,
			actorUserId: args.userId,
			action: 'team.invitation_accepted',
			data: { invitationId: invitation.id, role: invitation.role }
		});
		return { shopId: invitation.shopId, role: invitation.role };
	});
}
