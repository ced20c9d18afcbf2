import type { PlanAnalysis } from '../analysis/analyze-plan.js';

/**
 * One way out of the editor: a format that `crmplan export --format NAME`
 * writes and that the VS Code command **CRM Plan: Export ...** offers. Every
 * format is a pure function of the analysis (the computed schedule, the
 * model and the findings), so the CLI and the server share it.
 */
export interface ExportFormat {
  /** The `--format` value: `ics`, `csv`, `jira-csv`, `mspdi`, `tjp`, `png`, `svg`. */
  readonly name: string;
  /** One line for `--help` and the VS Code quick pick. */
  readonly description: string;
  /** The file extension the save dialog proposes, without the dot. */
  readonly extension: string;
  /** True when `content` is bytes (PNG); text formats are UTF-8. */
  readonly binary: boolean;
  /** Options this format accepts besides `--output` (for example `every-task` for ICS). */
  readonly options?: readonly ExportOption[];
  /**
   * Loads what the format needs before its first `run` (PNG: the renderer's
   * WebAssembly and fonts). Callers await it once; `run` stays synchronous.
   */
  prepare?(): Promise<void>;
  /**
   * The exported file. Never throws on user input: what could not be
   * exported (tasks on a cycle, a plan without `plan.start`) is listed in
   * `omitted`, one line each, for stderr and the editor's message.
   */
  run(analysis: PlanAnalysis, request: ExportRequest): ExportResult;
}

export interface ExportOption {
  /** `--NAME` on the command line. */
  readonly name: string;
  readonly description: string;
  /** A flag takes no value (`--every-task`); other options take one. */
  readonly flag: boolean;
}

export interface ExportRequest {
  /** The plan's file name (no folders), for titles, UIDs and the MS Project <Name>. */
  readonly fileName: string;
  /** The values of this format's options: flags as 'true'. */
  readonly options: ReadonlyMap<string, string>;
}

export interface ExportResult {
  readonly content: string | Uint8Array;
  /** What was left out and why, one line each ("task 'x' is on a dependency cycle"). */
  readonly omitted: readonly string[];
}
