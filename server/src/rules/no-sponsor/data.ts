export interface NoSponsorData {
  readonly rule: 'no-sponsor';
  /** Declared person ids whose role reads like an executive sponsor, best first. */
  readonly suggestions: readonly string[];
}
