/**
 * Half-open range of offsets [start, end) into the document text. Defined
 * with the parse, the first layer that has offsets; the model re-exports it.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}
