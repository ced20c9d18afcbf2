/** Typed finding data of the schedule rules; add one variant per rule that carries data. */
export type ScheduleFindingData = never;
