/** What every benchmark suite receives from bench/run.ts. */
import type { ServerKind } from "./servers";
import type { Template } from "./setup";

export interface SuiteContext {
  quick: boolean;
  repeats: number;
  /** Overrides each fan-out workload's duration T (`--seconds=N`): short runs of the full workloads. */
  seconds?: number;
  /** Sizes asked for on the command line; a suite given one runs only that part. */
  sizes: {
    /** `--connections=N`: the scale suite holds N connections on one instance. */
    connections?: number;
    /** `--storm=N`: the scale suite restarts one instance under N clients. */
    storm?: number;
    /** `--kill-resync=N`: the instances suite SIGKILLs one of 2 instances under N clients. */
    killResync?: number;
  };
  /** `--settings-only`: the instances suite compares its settings and skips the kill. */
  settingsOnly: boolean;
  template: Template;
  servers: ServerKind[];
  profileDir?: string;
  section(title: string): void;
  emit(headers: string[], rows: string[][]): void;
  summary(line: string): void;
}
