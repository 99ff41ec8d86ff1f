/** The address a request comes from, as far as it can be believed. */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same peer. */
export const plainAddress = (address: string) =>
  address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");

/**
 * The peer's address, or, when the peer is one of the trusted proxies, the nearest address
 * in X-Forwarded-For that is not itself a trusted proxy. Anyone else may write whatever
 * they like in that header, so it is ignored.
 */
export function clientAddress(c: Context, trustedProxies: ReadonlySet<string>): string {
  const peer = plainAddress(getConnInfo(c).remote.address ?? "unknown");
  if (!trustedProxies.has(peer)) return peer;
  const forwarded = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((item) => plainAddress(item.trim()))
    .filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!trustedProxies.has(forwarded[i])) return forwarded[i];
  }
  return peer;
}
