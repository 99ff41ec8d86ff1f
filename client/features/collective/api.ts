/** The collective's answers as the client checks them (zod/mini), and the queries reading them. */
import { useQuery } from "@tanstack/react-query";
import { z } from "zod/mini";
import {
  actionLogics,
  checklistSteps,
  formalisationLevels,
  interestLevels,
  legalForms,
  maturities,
  onboardingSteps,
  poleKinds,
  sizeBands,
} from "../../../shared/collective";
import { documentKinds } from "../../../shared/documents";
import { circleKinds, circleRoles, poleRoles } from "../../../shared/permissions";
import { api } from "../../lib/api";

const when = z.nullable(z.string());

export const PoleProfile = z.object({
  territory: z.string(),
  communes: z.array(z.string()),
  kind: z.nullable(z.enum(poleKinds)),
  actionLogics: z.array(z.enum(actionLogics)),
  maturity: z.nullable(z.enum(maturities)),
  formalisation: z.nullable(z.enum(formalisationLevels)),
  carryingStructure: z.string(),
  hasPlace: z.boolean(),
  place: z.string(),
  updatedAt: when,
});
export type PoleProfile = z.infer<typeof PoleProfile>;

export const Structure = z.object({
  id: z.string(),
  name: z.string(),
  legalForm: z.enum(legalForms),
  sizeBand: z.nullable(z.enum(sizeBands)),
  sectors: z.array(z.string()),
  ess: z.boolean(),
  memberCount: z.number(),
});
export type Structure = z.infer<typeof Structure>;
export const Structures = z.array(Structure);

const PersonCircle = z.object({
  circleId: z.string(),
  name: z.string(),
  kind: z.enum(circleKinds),
  role: z.enum(circleRoles),
});

export const PersonSummary = z.object({
  userId: z.string(),
  name: z.string(),
  poleRole: z.enum(poleRoles),
  structure: z.nullable(
    z.object({ id: z.string(), name: z.string(), legalForm: z.enum(legalForms) }),
  ),
  roleInStructure: z.string(),
  competencies: z.array(z.string()),
  brings: z.string(),
  seeks: z.string(),
  interest: z.nullable(z.enum(interestLevels)),
  circles: z.array(PersonCircle),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PersonDetail = z.extend(PersonSummary, {
  email: z.nullable(z.string()),
  canEdit: z.boolean(),
  history: z.array(
    z.object({
      circleId: z.string(),
      circleName: z.string(),
      circleKind: z.nullable(z.enum(circleKinds)),
      role: z.nullable(z.enum(circleRoles)),
      at: z.string(),
      actorName: z.nullable(z.string()),
    }),
  ),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const Directory = z.object({
  people: z.array(PersonSummary),
  competencies: z.array(z.string()),
});

export const CirclePage = z.object({
  id: z.string(),
  kind: z.enum(circleKinds),
  name: z.string(),
  parentId: z.nullable(z.string()),
  theme: z.string(),
  description: z.string(),
  canManage: z.boolean(),
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

const Suggestion = z.object({
  id: z.string(),
  userId: z.string(),
  circleId: z.string(),
  circleName: z.string(),
  role: z.enum(circleRoles),
  interest: z.enum(interestLevels),
  state: z.enum(["pending", "confirmed", "dismissed"]),
});
export type Suggestion = z.infer<typeof Suggestion>;

const stepShape = Object.fromEntries(
  [...onboardingSteps, ...checklistSteps].map((step) => [step, when]),
) as Record<(typeof onboardingSteps)[number] | (typeof checklistSteps)[number], typeof when>;
const Steps = z.object(stepShape);
export type Steps = z.infer<typeof Steps>;

export const Onboarding = z.nullable(
  z.object({
    startedAt: z.string(),
    interest: z.nullable(z.enum(interestLevels)),
    steps: Steps,
    formDone: z.boolean(),
    checklistDone: z.boolean(),
    documents: z.object({
      charterId: z.nullable(z.string()),
      diagnosticId: z.nullable(z.string()),
    }),
    suggestions: z.array(Suggestion),
  }),
);
export type Onboarding = NonNullable<z.infer<typeof Onboarding>>;

export const Newcomers = z.array(
  z.object({
    userId: z.string(),
    name: z.string(),
    startedAt: z.string(),
    interest: z.nullable(z.enum(interestLevels)),
    structureName: z.nullable(z.string()),
    done: z.number(),
    total: z.number(),
    steps: Steps,
    suggestions: z.array(Suggestion),
  }),
);
export type Newcomer = z.infer<typeof Newcomers>[number];

export const AuditPage = z.object({
  entries: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actor: z.nullable(z.object({ id: z.string(), name: z.string() })),
      action: z.string(),
      target: z.nullable(z.string()),
      targetName: z.nullable(z.string()),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  next: z.nullable(z.number()),
});
export type AuditEntry = z.infer<typeof AuditPage>["entries"][number];

export const BulkInvitations = z.object({
  invitations: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      url: z.string(),
      token: z.string(),
      expiresAt: z.string(),
      emailed: z.boolean(),
    }),
  ),
});

export const Seat = z.object({
  circleId: z.string(),
  userId: z.string(),
  role: z.enum(circleRoles),
});

const pole = (poleId: string) => `/api/poles/${encodeURIComponent(poleId)}`;

export const keys = {
  profile: (poleId: string) => ["poles", poleId, "profile"] as const,
  structures: (poleId: string) => ["poles", poleId, "structures"] as const,
  person: (poleId: string, userId: string) => ["poles", poleId, "people", userId] as const,
  directory: (poleId: string, query: string) => ["poles", poleId, "directory", query] as const,
  circle: (circleId: string) => ["circles", circleId, "page"] as const,
  onboarding: (poleId: string) => ["poles", poleId, "onboarding"] as const,
  newcomers: (poleId: string) => ["poles", poleId, "newcomers"] as const,
  audit: (poleId: string, query: string) => ["poles", poleId, "audit", query] as const,
};

export const paths = {
  pole,
  profile: (poleId: string) => `${pole(poleId)}/profile`,
  structures: (poleId: string) => `${pole(poleId)}/structures`,
  person: (poleId: string, userId: string) =>
    `${pole(poleId)}/people/${encodeURIComponent(userId)}`,
  onboarding: (poleId: string) => `${pole(poleId)}/onboarding`,
  circle: (circleId: string) => `/api/circles/${encodeURIComponent(circleId)}`,
};

export const usePoleProfile = (poleId: string) =>
  useQuery({
    queryKey: keys.profile(poleId),
    queryFn: () => api.get(paths.profile(poleId), PoleProfile),
  });

export const useStructures = (poleId: string) =>
  useQuery({
    queryKey: keys.structures(poleId),
    queryFn: () => api.get(paths.structures(poleId), Structures),
  });

export const usePerson = (poleId: string, userId: string) =>
  useQuery({
    queryKey: keys.person(poleId, userId),
    queryFn: () => api.get(paths.person(poleId, userId), PersonDetail),
  });

export const useCirclePage = (circleId: string) =>
  useQuery({
    queryKey: keys.circle(circleId),
    queryFn: () => api.get(paths.circle(circleId), CirclePage),
  });

export const useOnboarding = (poleId: string | undefined) =>
  useQuery({
    queryKey: keys.onboarding(poleId ?? ""),
    queryFn: () => api.get(paths.onboarding(poleId ?? ""), Onboarding),
    enabled: poleId !== undefined,
  });
