/** Votes on shared findings: read tolerantly from a finding's Y.Map, tallied into a state. */
import { z } from "zod";
import { type RowOf, TEXT_MAX } from "./fields";
import { type FindingState, type Vote, votes } from "./vocabularies";

export interface VoteEntry {
  userId: string;
  vote: Vote;
  comment: string;
  /** Kept with the vote so that every reader can show who voted without the member list. */
  name: string;
  at: number;
}

const VoteValue = z.object({
  vote: z.enum(votes),
  comment: z.string().max(TEXT_MAX).default(""),
  name: z.string().max(200).default(""),
  at: z.number().default(0),
});

/** A finding's votes, keyed by userId; unreadable entries are left out, never thrown. */
export function parseVotes(raw: unknown): VoteEntry[] {
  if (typeof raw !== "object" || raw === null) return [];
  const entries: VoteEntry[] = [];
  for (const [userId, value] of Object.entries(raw)) {
    const parsed = VoteValue.safeParse(value);
    if (parsed.success) entries.push({ userId, ...parsed.data });
  }
  return entries.sort((a, b) => a.at - b.at);
}

export interface Tally {
  agree: number;
  reserved: number;
  disagree: number;
}

export function tally(entries: readonly VoteEntry[]): Tally {
  const counts: Tally = { agree: 0, reserved: 0, disagree: 0 };
  for (const entry of entries) counts[entry.vote]++;
  return counts;
}

/**
 * A finding is shared when at least two members agree, agreement outweighs reservations,
 * and nobody disagrees; contested when disagreement weighs as much as agreement.
 */
export function findingState({ agree, reserved, disagree }: Tally): FindingState {
  if (agree + reserved + disagree === 0) return "proposed";
  if (disagree > 0 && disagree >= agree) return "contested";
  if (disagree === 0 && agree >= 2 && agree > reserved) return "shared";
  return "debated";
}

export type Finding = RowOf<"findings"> & { votes: VoteEntry[] };
