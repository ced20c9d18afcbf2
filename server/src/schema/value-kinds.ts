/**
 * The value kinds of the plan format, keyed by schema definition (or, for
 * `due`, by key): the one place that decides what kind a value is. It lives
 * in schema/ because both sides need it: the schema rule (rules/) names a
 * bad value's kind in its message, and the editor features (service/)
 * attach each kind's completion items, snippet, type label and hover text
 * to the same names (completion.ts, hover.ts), each in a
 * `Record<ValueKindName, ...>` so that a kind missing a part is a compile
 * error.
 *
 * Each kind here supplies its detection (`test`) and its validation
 * message (`invalid`): the sentence a finding adds when a value of that
 * kind has the wrong type or form. Where the schema carries
 * `patternErrorMessage` the sentence is the schema's, so the text is written
 * once (Red Hat YAML shows the same one).
 */

/** The kinds in the order they are tried: the first whose test holds decides. */
export const VALUE_KIND_NAMES = [
  'due',
  'constant',
  'person',
  'work',
  'dependencies',
  'severity',
  'enum',
  'duration',
  'lag',
  'load',
  'date',
  'holiday',
  'boolean',
  'plain',
] as const;

export type ValueKindName = (typeof VALUE_KIND_NAMES)[number];

/**
 * What the kinds read of a schema place: the definitions followed and the
 * node reached. Both service's ResolvedSchema and an ajv error's parent
 * schema with the definitions on its path fit it.
 */
export interface ValueKindSchema {
  readonly refs: readonly string[];
  readonly node: {
    readonly const?: unknown;
    readonly enum?: readonly unknown[];
    readonly type?: string | readonly string[];
    readonly patternErrorMessage?: string;
  };
}

export interface ValueKindRule {
  readonly test: (refs: ReadonlySet<string>, schema: ValueKindSchema, key: string | undefined) => boolean;
  /** The sentence a finding gives about a value of this kind that has the wrong type or form (ending in a period), if any. */
  readonly invalid: (schema: ValueKindSchema) => string | undefined;
}

/** The schema's own sentence for a pattern, so that it is written once; `fallback` where the schema has none. */
function patternMessage(schema: ValueKindSchema, fallback: string): string {
  return (schema.node.patternErrorMessage ?? fallback).replace(/\.?$/, '.');
}

function hasType(schema: ValueKindSchema, type: string): boolean {
  const declared = schema.node.type;
  return declared === type || (Array.isArray(declared) && declared.includes(type));
}

export const VALUE_KIND_RULES: Readonly<Record<ValueKindName, ValueKindRule>> = {
  due: {
    test: (_refs, _schema, key) => key === 'due',
    invalid: () => 'A due date is a date (2027-03-01) or <duration> after <task or phase> (30d after go-live).',
  },
  constant: {
    test: (_refs, schema) => schema.node.const !== undefined,
    invalid: (schema) => `The only value allowed here is ${JSON.stringify(schema.node.const)}.`,
  },
  person: {
    test: (refs) => refs.has('personRef'),
    invalid: () => 'A person reference is the id of a person declared under people.',
  },
  work: {
    test: (refs) => refs.has('workRef') || refs.has('dependency'),
    invalid: () => 'A task or phase reference is the id of a task or phase (a dependency may also be {task, lag, type}).',
  },
  dependencies: {
    test: (refs) => refs.has('dependsOn'),
    invalid: () => 'Dependencies are a list of task or phase ids ([design, build]), or one id.',
  },
  severity: {
    test: (refs) => refs.has('severity'),
    invalid: () => 'A rule severity is one of error, warning, info, hint, off.',
  },
  enum: {
    test: (_refs, schema) => schema.node.enum !== undefined,
    invalid: (schema) => `Expected one of ${(schema.node.enum ?? []).map(String).join(', ')}.`,
  },
  duration: {
    test: (refs) => refs.has('duration'),
    invalid: (schema) => patternMessage(schema, 'A duration is a whole number and a unit: 3d (working days) or 2w (weeks)'),
  },
  lag: {
    test: (refs) => refs.has('lag'),
    invalid: (schema) => patternMessage(schema, 'A lag is a whole number and a unit, optionally negative: 2d, 1w, -2d'),
  },
  load: {
    test: (refs) => refs.has('quantity'),
    invalid: (schema) => patternMessage(schema, 'Write a percentage of the working day (50%) or hours per week (8h/w)'),
  },
  date: {
    test: (refs) => refs.has('date'),
    invalid: (schema) => patternMessage(schema, 'A date is written YYYY-MM-DD, for example 2027-01-04'),
  },
  holiday: {
    test: (refs) => refs.has('holiday'),
    invalid: () => 'A holiday is a date (2027-05-31) or {date, name}.',
  },
  boolean: {
    test: (_refs, schema) => hasType(schema, 'boolean'),
    invalid: () => undefined,
  },
  // Every other value: the generic message of its error says what it must be.
  plain: { test: () => true, invalid: () => undefined },
};

/** The kind of the value at a schema place whose key (the last mapping key on its path) is `key`. */
export function valueKindOf(schema: ValueKindSchema, key: string | undefined): ValueKindName {
  const refs = new Set(schema.refs);
  return VALUE_KIND_NAMES.find((name) => VALUE_KIND_RULES[name].test(refs, schema, key)) ?? 'plain';
}
