import type { Span } from '../../model/types.js';
import type { TaskFacts } from '../schedule-finding-data.js';

/**
 * A high-complexity integration is followed by work that starts right at
 * its finish. Fix: add a lag (or a buffer task) to `dependencySpans`.
 */
export interface IntegrationBufferData extends TaskFacts {
  readonly rule: 'integration-buffer';
  /** Ids of the tasks that start with no gap after the integration, in document order. */
  readonly successors: readonly string[];
  /** The `depends_on` items of those successors that name the integration (or its phase). */
  readonly dependencySpans: readonly Span[];
}
