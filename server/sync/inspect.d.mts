export interface UpdateShape {
  /** Structs (items and garbage-collected ranges) the update carries. */
  structs: number;
  /** Of which shared types (each costs as much as several plain structs). */
  types: number;
  /** JSON-like values carried (array and map entries). */
  values: number;
  /** Shared types and JSON-like values decoded, including those the document holds. */
  decodedTypes: number;
  decodedValues: number;
  /** Ranges of its delete set. */
  deletes: number;
  /** Some of it depends on structs the document does not have yet. */
  pending: boolean;
  /** Time the decoding took, in milliseconds. */
  decodeMs: number;
}

export function inspectUpdate(update: Uint8Array, clockOf: (client: number) => number): UpdateShape;
