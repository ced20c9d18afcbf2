import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockItemSnippets, flowItemSnippets, schemaDefaultSnippets } from './completion-snippets.js';

/**
 * The item snippets are one list: completion's items and the schema's
 * `defaultSnippets` (for editors that complete from the schema alone) are
 * both written from completion-snippets.ts. When the list changes, write
 * `schemaDefaultSnippets()` into schemas/crmplan.schema.json.
 */
const schema = JSON.parse(readFileSync('schemas/crmplan.schema.json', 'utf8')) as {
  definitions: Record<string, { defaultSnippets?: unknown }>;
};

describe("the schema's defaultSnippets", () => {
  const generated = schemaDefaultSnippets();

  it('are the ones completion-snippets.ts writes, for every definition', () => {
    const inSchema = Object.fromEntries(
      Object.entries(schema.definitions).flatMap(([name, definition]) =>
        definition.defaultSnippets === undefined ? [] : [[name, definition.defaultSnippets]],
      ),
    );
    expect(inSchema).toEqual(generated);
  });

  it("write a task's keys in completion's order, and a risk's levels as a choice", () => {
    expect(generated['task']?.[0]?.body).toMatchObject({ id: '${1:task-id}', name: '${2:Task name}', owner: '${4:owner}', duration: '${5:5d}', depends_on: ['${6}'] });
    expect(Object.keys(generated['task']![0]!.body)).toEqual(['id', 'name', 'kind', 'owner', 'duration', 'depends_on']);
    expect(generated['risk']?.[0]?.body).toMatchObject({ likelihood: '${3|low,medium,high|}', impact: '${4|low,medium,high|}' });
    // Without a plan, a date to pick has an example default; completion leaves it empty and opens the list of dates.
    expect(generated['leave']?.[0]?.body).toEqual({ from: '${1:2027-05-10}', to: '${2:2027-05-14}', note: '${3:vacation}' });
    expect(flowItemSnippets('leave')[0]?.body).toBe('{from: $1, to: $2, note: ${3:vacation}}');
  });

  it("write a phase's first task as a nested item, like completion's block", () => {
    expect(generated['phase']?.[0]?.body).toEqual({
      id: '${1:phase-id}',
      name: '${2:Phase name}',
      owner: '${3:owner}',
      tasks: [{ id: '${4:task-id}', name: '${5:Task name}', duration: '${6:5d}' }],
    });
    const [phase] = blockItemSnippets('phase', { owners: ['pm'], due: '2027-01-04', indent: { unit: 2, sequenceIndent: 2 }, column: 4 });
    expect(phase?.body).toBe(
      'id: ${1:phase-id}\n    name: ${2:Phase name}\n    owner: ${3:pm}\n    tasks:\n      - id: ${4:task-id}\n        name: ${5:Task name}\n        duration: ${6:5d}',
    );
  });
});
