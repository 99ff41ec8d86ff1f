/** Circles: creating one, seating people, its page with members, documents and activity. */
import { z } from "zod/mini";
import { documentKinds } from "../documents";
import { circleKinds, circleRoles } from "../permissions";
import { id, name, text } from "./fields";

export const CreateCircleBody = z.object({
  kind: z.enum(["thematic", "project"]),
  name,
  parentId: z.nullish(id),
});

/** The contract's circle creation, plus the details a thematic or project group carries. */
export const CreateCircleWithDetailsBody = z.extend(CreateCircleBody, {
  theme: z.optional(text(200)),
  description: z.optional(text(4000)),
});

export const CircleDetailsBody = z.object({ theme: text(200), description: text(4000) });

export const CircleRoleBody = z.object({ role: z.enum(circleRoles) });

export const MoveBody = z.object({ toCircleId: id, role: z.enum(circleRoles) });

/** A place in a circle, as given by an invitation. */
export const CircleSeat = z.object({ circleId: id, role: z.enum(circleRoles) });
export type CircleSeat = z.infer<typeof CircleSeat>;

/** Someone's place in a circle once seated. */
export const Seat = z.extend(CircleSeat, { userId: z.string() });
export type Seat = z.infer<typeof Seat>;

export const CreatedCircle = z.object({
  id: z.string(),
  kind: z.enum(circleKinds),
  name: z.string(),
  parentId: z.nullable(z.string()),
});
export type CreatedCircle = z.infer<typeof CreatedCircle>;

export const Circle = z.extend(CreatedCircle, {
  members: z.array(z.object({ userId: z.string(), role: z.enum(circleRoles) })),
});
export type Circle = z.infer<typeof Circle>;
export const Circles = z.array(Circle);

export const CirclePage = z.extend(CreatedCircle, {
  theme: z.string(),
  description: z.string(),
  canManage: z.boolean(),
  /** Archived: shown read-only, restored from the pôle's archives. */
  archived: z.boolean(),
  members: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      role: z.enum(circleRoles),
      since: z.string(),
      competencies: z.array(z.string()),
      structureName: z.nullable(z.string()),
    }),
  ),
  documents: z.array(z.object({ id: z.string(), kind: z.enum(documentKinds), title: z.string() })),
  activity: z.array(
    z.object({
      at: z.string(),
      userId: z.string(),
      userName: z.string(),
      role: z.nullable(z.enum(circleRoles)),
      actorName: z.nullable(z.string()),
    }),
  ),
});
export type CirclePage = z.infer<typeof CirclePage>;
