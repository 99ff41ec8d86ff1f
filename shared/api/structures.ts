/** The member structures of a pôle (associations, companies, public bodies…). */
import { z } from "zod/mini";
import { legalForms, sizeBands } from "../collective";
import { name, tags } from "./fields";

export const StructureBody = z.object({
  name,
  legalForm: z.enum(legalForms),
  sizeBand: z.nullable(z.enum(sizeBands)),
  sectors: tags(20),
  ess: z.boolean(),
});
export type StructureInput = z.infer<typeof StructureBody>;

export const Structure = z.extend(StructureBody, { id: z.string(), memberCount: z.number() });
export type Structure = z.infer<typeof Structure>;
export const Structures = z.array(Structure);
