/** Requests to join a member structure, answered by its people or a coordinator. */
import { z } from "zod/mini";

export const StructureRequest = z.object({
  structureId: z.string(),
  structureName: z.string(),
  userId: z.string(),
  name: z.string(),
  requestedAt: z.string(),
});
export type StructureRequest = z.infer<typeof StructureRequest>;
export const StructureRequests = z.array(StructureRequest);

/** What asking for a structure did: joined at once, or a request now waits for an answer. */
export const joinOutcomes = ["joined", "requested", "unchanged"] as const;
export type JoinOutcome = (typeof joinOutcomes)[number];
