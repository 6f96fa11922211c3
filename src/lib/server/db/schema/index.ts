export * from './auth.ts';
export * from './territories.ts';
export * from './shops.ts';
export * from './catalog.ts';
export * from './outbox.ts';
export * from './orders.ts';
export * from './invoices.ts';
