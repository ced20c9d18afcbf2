import { addDependenciesFix } from '../practice-fixes.js';
import { findingData, type FixProvider, type QuickFix } from '../fix-provider.js';
import { quotedWords } from '../../util/phrases.js';

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
    const title = `Add ${data.migrations.length === 1 ? 'a dependency' : 'dependencies'} on ${quotedWords(data.migrations)}`;
    const fix = addDependenciesFix(context, data.taskIndex, data.migrations, title, true);
    return fix ? [fix] : [];
  },
};
