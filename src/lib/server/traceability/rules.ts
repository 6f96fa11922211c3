import { distanceKm } from '../../geo.ts';

/**
 * The traceability rules, in one place (SPEC §3.4). `facts.ts` applies them in SQL to store each
 * product's facts; these pure functions are the reference its tests compare against.
 *
 * - **Origin distance**: great-circle kilometres from the origin producer (the product's first
 *   producer, or its source product's when bought from a producer selling on the platform) to the
 *   shop that sells it, rounded to 0.1 km.
 * - **Intermediaries** between producer and consumer: every supply-chain step that is not the
 *   producer itself, plus the selling shop when it is not the producer. Unknown (null) without a
 *   producer: nothing can be claimed.
 * - **Short circuit** ("circuit court", French Ministry of Agriculture definition): at most one
 *   intermediary between producer and consumer.
 */
export const SHORT_CIRCUIT_MAX_INTERMEDIARIES = 1;

export const SUPPLY_CHAIN_ROLES = ['producer', 'processor', 'wholesaler', 'carrier', 'cooperative'] as const;
export type SupplyChainRole = (typeof SUPPLY_CHAIN_ROLES)[number];

export type Point = { latitude: number; longitude: number };

export function originDistanceKm(origin: Point | null, shop: Point | null): number | null {
	if (!origin || !shop) return null;
	return Math.round(distanceKm(origin, shop) * 10) / 10;
}

export function countIntermediaries(input: {
	hasProducer: boolean;
	sellerIsProducer: boolean;
	steps: readonly { role: SupplyChainRole }[];
}): number | null {
	if (!input.hasProducer) return null;
	const hands = input.steps.filter((step) => step.role !== 'producer').length;
	return hands + (input.sellerIsProducer ? 0 : 1);
}

export const isShortCircuit = (intermediaries: number | null | undefined): boolean =>
	intermediaries !== null && intermediaries !== undefined && intermediaries <= SHORT_CIRCUIT_MAX_INTERMEDIARIES;
