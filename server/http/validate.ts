import { zValidator } from "@hono/zod-validator";
import type { core } from "zod";
import { describeZodError, sendError } from "./errors";

/** zod validation of a JSON body that answers the contract's 400 on bad input. */
export const jsonBody = <T extends core.$ZodType>(schema: T) =>
  zValidator("json", schema, (result, c) => {
    if (!result.success)
      return sendError(c, "invalid_input", describeZodError(result.error.issues));
  });

/** The same for query parameters (filters of list routes). */
export const queryParams = <T extends core.$ZodType>(schema: T) =>
  zValidator("query", schema, (result, c) => {
    if (!result.success)
      return sendError(c, "invalid_input", describeZodError(result.error.issues));
  });
