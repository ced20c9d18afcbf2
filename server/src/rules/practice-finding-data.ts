/** Typed finding data of the practice rules; add one variant per rule that carries data. */
export type PracticeFindingData = never;
