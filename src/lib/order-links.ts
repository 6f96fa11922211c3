// The customer's links to their order and its documents. There is no account behind them: the
// order's secret in `?t=` is the key (see checkout/order-token.ts). One place builds them, for the
// order page, the confirmation page and the emails (with the site's origin in front), so a link
// in an email is exactly the one the page offers.

const key = (token: string) => `?t=${encodeURIComponent(token)}`;

/** The order page: `/commandes/<id>?t=<secret>`. */
export const customerOrderPath = (orderId: string, token: string) => `/commandes/${orderId}${key(token)}`;

/** The order's invoice (PDF), once it is completed. */
export const customerInvoicePath = (orderId: string, token: string) => `/commandes/${orderId}/facture.pdf${key(token)}`;

/** One of the order's credit notes (PDF), by its number (`AV2026-000003`). */
export const customerCreditNotePath = (orderId: string, creditNumber: string, token: string) =>
	`/commandes/${orderId}/avoirs/${encodeURIComponent(creditNumber)}.pdf${key(token)}`;
