/** What every benchmark suite receives from bench/run.ts. */
import type { ServerKind } from "./servers";
import type { Template } from "./setup";

export interface SuiteContext {
  quick: boolean;
  repeats: number;
  /** Overrides each fan-out workload's duration T (`--seconds=N`): short runs of the full workloads. */
  seconds?: number;
  template: Template;
  servers: ServerKind[];
  profileDir?: string;
  section(title: string): void;
  emit(headers: string[], rows: string[][]): void;
  summary(line: string): void;
}
