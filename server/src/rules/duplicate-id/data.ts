import type { Span } from '../../model/types.js';

export interface DuplicateIdData {
  readonly rule: 'duplicate-id';
  readonly id: string;
  readonly namespace: string;
  readonly firstSpan: Span;
  readonly freeId: string;
}
