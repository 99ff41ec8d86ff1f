/** Assertions on the HTTP contract (CONTRACT.md) shared by the integration tests. */
import { expect } from "vitest";

/**
 * The contract's error answer: this status, this code and a message a person can read.
 * Returns the message, for tests that check its words.
 */
export async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  expect(body.error.message.trim().length).toBeGreaterThan(3);
  return body.error.message as string;
}
