import { addDependenciesFix } from './practice-fixes.js';
import { findingData, type FixProvider, type QuickFix } from './types.js';

/**
 * Makes the go-live wait for the data migrations it misses. The finding
 * names all of them, so the one fix adds them all: waiting for only some
 * would leave the finding.
 */
export const goLiveWithoutMigrationFix: FixProvider = {
  rule: 'go-live-without-migration',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'go-live-without-migration');
    if (!data || data.migrations.length === 0) return [];
    const quoted = data.migrations.map((id) => `'${id}'`);
    const title =
      quoted.length === 1
        ? `Add a dependency on ${quoted[0]}`
        : `Add dependencies on ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
    const fix = addDependenciesFix(context, data.taskIndex, data.migrations, title, true);
    return fix ? [fix] : [];
  },
};
