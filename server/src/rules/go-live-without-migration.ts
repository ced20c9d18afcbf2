import { practiceFacts, quotedAll } from './practice-support.js';
import type { Finding, Rule } from './types.js';

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
export const goLiveWithoutMigrationRule: Rule = {
  name: 'go-live-without-migration',
  defaultSeverity: 'warning',
  summary: 'the plan migrates data but go-live does not wait for the migration',
  *check(context): Iterable<Finding> {
    const facts = practiceFacts(context);
    const migrations = facts.tasksOfKind('data-migration');
    if (migrations.length === 0) return;
    const upstream = facts.kindUpstream('data-migration');
    const downstream = facts.kindDownstream('data-migration');
    for (const goLive of facts.tasksOfKind('go-live')) {
      const goLiveId = facts.model.tasks[goLive]?.id?.value;
      const span = facts.findingSpan(goLive);
      if (goLiveId === undefined || !span) continue;
      const missing = migrations.flatMap((migration) => {
        if (upstream.reaches(goLive, migration) || downstream.reaches(goLive, migration)) return [];
        // A migration whose id names another task (or nothing) cannot be depended upon: skip it.
        const id = facts.addressableId(migration);
        const idSpan = facts.model.tasks[migration]?.id?.span;
        return id !== undefined && idSpan ? [{ id, span: idSpan }] : [];
      });
      if (missing.length === 0) continue;
      // A broken dependency upstream may have been meant to name the migration.
      if (facts.hasUnresolvedDependency(goLive) || facts.unresolvedUpstream.any(goLive)) continue;
      const ids = missing.map((migration) => migration.id);
      const named = `${ids.length === 1 ? 'data migration' : 'data migrations'} ${quotedAll(ids)}`;
      yield {
        rule: 'go-live-without-migration',
        message:
          `Go-live '${goLiveId}' does not wait for ${named}: users would start in a CRM without their data. ` +
          `Add ${ids.length === 1 ? 'a dependency' : 'dependencies'} on ${quotedAll(ids)}.`,
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
