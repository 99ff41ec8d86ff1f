import { updateLimits } from "../../server/sync/guard";

/**
 * The update guard's limits with the wall-clock decode limit lifted to the worker's own
 * time-out: tests about the structural limits then give the same verdict on a loaded machine.
 */
export const structuralLimitsOnly = { ...updateLimits, maxDecodeMs: updateLimits.workerTimeoutMs };
