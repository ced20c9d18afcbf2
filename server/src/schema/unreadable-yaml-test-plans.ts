/** Test support only: plans the schema rule's and the CLI's tests of unreadable YAML share. */

/**
 * An invalid plan (crmplan 2, start banana, a bad phase id, a task without a
 * name and with a bad duration) with `count` aliases of one holiday: its
 * errors must be reported however many aliases it has.
 */
export function invalidPlanWithAliases(count: number): string {
  return `crmplan: 2
plan:
  name: Aliases
  start: banana
  calendar:
    holidays:
      - &holiday 2027-05-31
${'      - *holiday\n'.repeat(count)}phases:
  - id: Phase One
    tasks:
      - {id: a, duration: 3 days}
`;
}
