/** Typed finding data of the quality rules; add one variant per rule that carries data. */
export type QualityFindingData = never;
