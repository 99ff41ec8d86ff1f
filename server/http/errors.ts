import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import type { core } from "zod";
import type { Throttle } from "../auth/throttle";
import { DomainError, type ErrorCode, errorStatus } from "../domain/errors";

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

export const sendError = (c: Context, code: ErrorCode, message: string) =>
  c.json(errorBody(code, message), errorStatus[code]);

/** The first problem of a failed parse, said the way a person would read it. */
export function describeZodError(issues: readonly core.$ZodIssue[]): string {
  const issue = issues[0];
  if (!issue) return "Requête invalide.";
  const where = issue.path.length > 0 ? `${issue.path.join(".")} : ` : "";
  return `${where}${issue.message}`;
}

/** A refusal to act yet: 429 with the seconds to wait in Retry-After. */
export class Throttled extends DomainError {
  constructor(
    readonly retryAfterMs: number,
    message: string,
  ) {
    super("throttled", message);
  }
}

/** Throws `Throttled` when `throttle` asks `key` to wait before `count` more events. */
export async function enforce(
  throttle: Throttle,
  { key, count = 1, message }: { key: string; count?: number; message: string },
) {
  const wait = await throttle.retryAfter(key, count);
  if (wait > 0) throw new Throttled(wait, message);
}

/** Runs `action`; a failure of the kind `code` (a wrong password…) counts against `key`. */
export async function countingFailures<T>(
  throttle: Throttle,
  { key, code }: { key: string; code: ErrorCode },
  action: () => Promise<T>,
): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DomainError && error.code === code) await throttle.record(key);
    throw error;
  }
}

const httpCodes: Partial<Record<number, ErrorCode>> = {
  400: "invalid_input",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  413: "too_large",
};

/** One place turns every failure into the contract's JSON error. */
export function handleError(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof Throttled) {
      c.header("Retry-After", String(Math.ceil(error.retryAfterMs / 1000)));
    }
    if (error instanceof DomainError) return sendError(c, error.code, error.message);
    if (error instanceof HTTPException) {
      const code = httpCodes[error.status] ?? "invalid_input";
      const message = error.status === 400 ? "Requête invalide (JSON mal formé ?)." : error.message;
      return c.json(errorBody(code, message || code), error.status as ContentfulStatusCode);
    }
    logger.error({ err: error, path: c.req.path }, "unexpected error");
    return c.json(errorBody("internal", "Erreur interne du serveur."), 500);
  };
}
