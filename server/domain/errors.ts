/** Failures the domain reports; the HTTP layer turns each into the contract's error JSON. */
export const errorStatus = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  throttled: 429,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status() {
    return errorStatus[this.code];
  }
}

export const unauthenticated = () =>
  new DomainError("unauthenticated", "Connectez-vous pour continuer.");
export const notFound = (what: string) => new DomainError("not_found", `${what} introuvable.`);
export const forbidden = (message = "Vous n'avez pas le droit de faire cela.") =>
  new DomainError("forbidden", message);
