import { z } from 'zod';
import { APIError } from 'better-auth/api';
import type { Auth } from './auth.ts';
import type { Db } from '../db/client.ts';
import { parseInput } from '../http/validate.ts';
import { DomainError, InvalidInputError } from '../errors.ts';
import { hit, refuseIfLimited, rateRules } from '../security/rate-limit.ts';
import { t, type Locale } from '../i18n.ts';

// Account actions behind the sign-up / sign-in forms: validation with French and English field
// messages, rate limits, then better-auth. Rejected input writes nothing.

const email = z.string().trim().toLowerCase().max(254, 'error_email_invalid').pipe(z.email('error_email_invalid'));
const password = z.string().min(10, 'error_password_short').max(128, 'error_password_long');

export const SignUpInput = z.object({
	name: z.string().trim().min(1, 'error_required').max(100, 'error_name_long'),
	email,
	password
});
export const SignInInput = z.object({ email, password: z.string().min(1, 'error_required').max(128, 'error_password_long') });
export const EmailOnlyInput = z.object({ email });
export const ResetInput = z.object({ token: z.string().min(1).max(200), password });

export type AccountContext = { db: Db; auth: Auth; headers: Headers; locale: Locale; clientAddress: string };

export async function signUp(ctx: AccountContext, input: unknown) {
	const data = parseInput(SignUpInput, input, ctx.locale, 400);
	await hit(ctx.db, `signup:${ctx.clientAddress}`, rateRules.signUp);
	try {
		return await ctx.auth.api.signUpEmail({ body: data, headers: ctx.headers });
	} catch (e) {
		if (e instanceof APIError && String(e.body?.code ?? '').includes('USER_ALREADY_EXISTS')) {
			throw new InvalidInputError({ email: [t('signup_email_taken', ctx.locale)] }, 400);
		}
		throw e;
	}
}

export async function signIn(ctx: AccountContext, input: unknown) {
	const data = parseInput(SignInInput, input, ctx.locale, 400);
	// Every attempt counts per address (one client cannot spray guesses); per account only the
	// failures count, so a botnet gets a few guesses at one account while its owner, who signs in
	// and out all day from the shop's till and phone, is never locked out by success.
	await hit(ctx.db, `signin:ip:${ctx.clientAddress}`, rateRules.signIn);
	const accountKey = `signin:email:${data.email.toLowerCase()}`;
	await refuseIfLimited(ctx.db, accountKey, rateRules.signIn);
	try {
		return await ctx.auth.api.signInEmail({ body: data, headers: ctx.headers });
	} catch (e) {
		if (e instanceof APIError && (e.statusCode === 401 || e.statusCode === 400)) {
			await hit(ctx.db, accountKey, rateRules.signIn).catch(() => {});
			throw new DomainError(401, 'signin_failed');
		}
		throw e;
	}
}

/** Sends a magic link when the account exists; answers the same either way (no account probing). */
export async function sendMagicLink(ctx: AccountContext, input: unknown, callbackURL = '/') {
	const data = parseInput(EmailOnlyInput, input, ctx.locale, 400);
	await hit(ctx.db, `magic:${ctx.clientAddress}`, rateRules.magicLink);
	await hit(ctx.db, `magic:email:${data.email}`, rateRules.magicLink);
	await ctx.auth.api.signInMagicLink({ body: { email: data.email, callbackURL }, headers: ctx.headers });
}

export async function requestPasswordReset(ctx: AccountContext, input: unknown) {
	const data = parseInput(EmailOnlyInput, input, ctx.locale, 400);
	await hit(ctx.db, `reset:${ctx.clientAddress}`, rateRules.passwordReset);
	await ctx.auth.api.requestPasswordReset({ body: { email: data.email, redirectTo: '/reinitialiser-mot-de-passe' } });
}

export async function resetPassword(ctx: AccountContext, input: unknown) {
	const data = parseInput(ResetInput, input, ctx.locale, 400);
	try {
		await ctx.auth.api.resetPassword({ body: { newPassword: data.password, token: data.token } });
	} catch (e) {
		if (e instanceof APIError) throw new DomainError(400, 'reset_invalid');
		throw e;
	}
}

export async function signOut(ctx: AccountContext) {
	await ctx.auth.api.signOut({ headers: ctx.headers });
}
