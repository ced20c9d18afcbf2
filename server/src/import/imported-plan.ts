import type { DependencyType, Quantity, TaskKind, Weekday } from '../model/types.js';

/**
 * What an import read from a CSV or MS Project XML file, before it becomes
 * plan text: ids already derived (valid and unique), durations and lags in
 * working days, and the dates the file gave each task so that the plan can be
 * made to schedule them again (finish-import.ts).
 */
export interface ImportedPlan {
  readonly name: string;
  readonly organization?: string;
  /** A person id: the project's manager. */
  readonly manager?: string;
  readonly calendar: ImportedCalendar;
  /** Where to start when no task has a date (MSPDI `StartDate`). */
  readonly fallbackStart?: string;
  readonly people: readonly ImportedPerson[];
  readonly phases: readonly ImportedPhase[];
  /** What could not be carried over, one line each (stderr and `#` comments in the plan). */
  readonly notes: string[];
}

export interface ImportedCalendar {
  readonly workdays: readonly Weekday[];
  readonly hoursPerDay: number;
  readonly holidays: readonly { readonly date: string; readonly name?: string }[];
}

export interface ImportedPerson {
  readonly id: string;
  readonly name?: string;
  readonly role?: string;
  readonly email?: string;
  readonly capacity?: Quantity;
}

export interface ImportedDependency {
  /** A task or phase id of the import. */
  readonly target: string;
  readonly type: DependencyType;
  /** Working days; may be negative. */
  readonly lagDays: number;
}

export interface ImportedPhase {
  readonly id: string;
  readonly name: string;
  readonly owner?: string;
  dependsOn: ImportedDependency[];
  readonly tasks: ImportedTask[];
}

export interface ImportedTask {
  readonly id: string;
  readonly name: string;
  /** How notes name the task's origin: `row 7`, `task UID 12`. */
  readonly origin: string;
  readonly kind?: TaskKind;
  readonly owner?: string;
  /** Working days; 0 with `milestone`. */
  readonly days: number;
  readonly milestone: boolean;
  dependsOn: ImportedDependency[];
  readonly assign: { readonly person: string; readonly load?: Quantity }[];
  /** A start constraint the file states (`start:`, start no earlier than). */
  readonly start?: string;
  readonly deadline?: string;
  readonly status?: 'planned' | 'in-progress' | 'done' | 'blocked';
  /** The dates the file gives the task, which the plan must reproduce. */
  readonly expectedStart?: string;
  readonly expectedFinish?: string;
}

/**
 * A file the import cannot read: one line naming the row or element, for
 * `crmplan: ...` on stderr and exit 2. Nothing is written.
 */
export class ImportError extends Error {
  constructor(message: string) {
    // The message quotes the file; a line break in a cell must not make it two lines.
    super(importedText(message));
  }
}

/** Text from a file for a plan or a message: control characters (which YAML cannot hold unescaped) become spaces. */
export function importedText(text: string): string {
  // eslint-disable-next-line no-control-regex -- exactly the characters to replace
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** Imports refuse larger files before reading them (docs/import.md#limits). */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
