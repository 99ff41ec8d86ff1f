/** Amendments to a charter (CONTRACT.md "Governance"): their states and how they move. */
export const amendmentStates = ["draft", "voting", "adopted", "rejected", "withdrawn"] as const;
export type AmendmentState = (typeof amendmentStates)[number];

/**
 * Only a draft changes: its text is edited, it is withdrawn, a decision opens on it. From
 * the moment a decision opens, its text is frozen for everyone.
 */
export const isDraft = (state: AmendmentState) => state === "draft";
