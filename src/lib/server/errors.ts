/**
 * Typed domain errors. Domain functions throw these; `http/` maps them to HTTP statuses,
 * problem+json bodies and form errors in one place. `messageKey` names an i18n message.
 */
export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
	readonly status: number;
	readonly messageKey: string;
	constructor(status: number, messageKey: string, detail?: string) {
		super(detail ?? messageKey);
		this.status = status;
		this.messageKey = messageKey;
	}
}

export class NotFoundError extends DomainError {
	constructor(what = 'resource') {
		super(404, 'error_resource_not_found', `${what} not found`);
	}
}

export class ForbiddenError extends DomainError {
	constructor(detail = 'forbidden') {
		super(403, 'error_forbidden', detail);
	}
}

export class UnauthorizedError extends DomainError {
	constructor() {
		super(401, 'error_unauthorized', 'sign-in required');
	}
}

export class ConflictError extends DomainError {
	readonly details: unknown;
	constructor(messageKey: string, details?: unknown) {
		super(409, messageKey, messageKey);
		this.details = details;
	}
}

export class TooManyRequestsError extends DomainError {
	readonly retryAfterSeconds: number;
	constructor(retryAfterSeconds: number) {
		super(429, 'error_rate_limited', 'too many requests');
		this.retryAfterSeconds = retryAfterSeconds;
	}
}

/** Bad input, with messages per field (already translated for the request's locale). */
export class InvalidInputError extends DomainError {
	readonly fields: FieldErrors;
	constructor(fields: FieldErrors, status = 422) {
		super(status, 'error_invalid_input', 'invalid input');
		this.fields = fields;
	}
}
