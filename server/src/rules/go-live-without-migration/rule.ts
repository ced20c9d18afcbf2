import { upstreamPairs } from '../../model/reachability.js';
import type { Span } from '../../model/types.js';
import { practiceFacts } from '../practice-support.js';
import { quotedWords } from '../../util/phrases.js';
import type { Finding, Rule } from '../types.js';

/**
 * Seed 003 ("4. Deployment and Go-Live": Go-Live Preparation includes the
 * "final data migration"), seed 001 ("Go-Live Process: Data Cutover and
 * System Testing") and seed 002 (Phase 4, "Final Data Migration", before
 * Phase 5's deployment).
 *
 * One finding per go-live, naming every data-migration task it does not
 * wait for. A migration that already waits for the go-live is left out: the
 * plan deliberately moves that data after launch (a later wave), and the
 * go-live cannot wait for it without a cycle.
 */
export const goLiveWithoutMigrationRule: Rule<'go-live-without-migration'> = {
  name: 'go-live-without-migration',
  defaultSeverity: 'warning',
  summary: 'the plan migrates data but go-live does not wait for the migration',
  *check(context): Iterable<Finding> {
    const facts = practiceFacts(context);
    const migrations = facts.tasksOfKind('data-migration');
    const goLives = facts.tasksOfKind('go-live');
    if (migrations.length === 0 || goLives.length === 0) return;
    const migrationBefore = upstreamPairs(context.graph, migrations, goLives);
    const goLiveBefore = upstreamPairs(context.graph, goLives, migrations);
    for (const goLive of goLives) {
      const goLiveId = facts.model.tasks[goLive]?.id?.value;
      const span = facts.findingSpan(goLive);
      if (goLiveId === undefined || !span) continue;
      // A broken dependency upstream may have been meant to name the migration.
      if (facts.hasUnresolvedDependency(goLive) || facts.unresolvedUpstream.any(goLive)) continue;
      const missing: { id: string; span: Span }[] = [];
      for (const migration of migrations) {
        if (migrationBefore(migration, goLive) || goLiveBefore(goLive, migration)) continue;
        // A migration whose id names another task (or nothing) cannot be depended upon: skip it.
        const id = facts.addressableId(migration);
        const idSpan = facts.model.tasks[migration]?.id?.span;
        if (id !== undefined && idSpan) missing.push({ id, span: idSpan });
      }
      if (missing.length === 0) continue;
      const ids = missing.map((migration) => migration.id);
      const named = `${ids.length === 1 ? 'data migration' : 'data migrations'} ${quotedWords(ids)}`;
      yield {
        rule: 'go-live-without-migration',
        message:
          `Go-live '${goLiveId}' does not wait for ${named}: users would start in a CRM without their data. ` +
          `Add ${ids.length === 1 ? 'a dependency' : 'dependencies'} on ${quotedWords(ids)}.`,
        span,
        related: missing.map((migration) => ({
          span: migration.span,
          message: `'${migration.id}': data migration that go-live '${goLiveId}' does not wait for`,
        })),
        data: { rule: 'go-live-without-migration', taskId: goLiveId, taskIndex: goLive, migrations: ids },
      };
    }
  },
};
