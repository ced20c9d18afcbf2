export interface UnknownReferenceData {
  readonly rule: 'unknown-reference';
  readonly id: string;
  readonly namespace: string;
  /** Declared ids closest to the unknown one, best first. */
  readonly candidates: readonly string[];
}
