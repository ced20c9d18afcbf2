/**
 * The export requests, shared by the server (which answers them) and the
 * VS Code client (**CRM Plan: Export...**). The formats are those of
 * `crmplan export` (export/formats.ts); the client asks for the list rather
 * than importing server code.
 */

/** `crmplan/exportFormats`: the formats the server can export, in the order to offer them. No params. */
export const EXPORT_FORMATS_REQUEST = 'crmplan/exportFormats';

export interface ExportFormatOptionInfo {
  readonly name: string;
  readonly description: string;
  /** A flag is set with `true`; other options take a string. */
  readonly flag: boolean;
}

export interface ExportFormatInfo {
  readonly name: string;
  readonly description: string;
  /** Without the dot. */
  readonly extension: string;
  readonly binary: boolean;
  readonly options: readonly ExportFormatOptionInfo[];
}

export interface ExportFormatsResult {
  readonly formats: readonly ExportFormatInfo[];
}

/** `crmplan/export`: one open document in one format. */
export const EXPORT_REQUEST = 'crmplan/export';

export interface ExportParams {
  readonly textDocument: { readonly uri: string };
  /** A format name from `crmplan/exportFormats`; another is InvalidParams. */
  readonly format: string;
  /** The format's options: flags as `true`, other options as strings; an unknown one is InvalidParams. */
  readonly options?: Readonly<Record<string, string | boolean>>;
}

export type ExportResponse =
  | {
      /** The file: UTF-8 text, or base64 of the bytes when `encoding` is `base64` (binary formats). */
      readonly content: string;
      readonly encoding: 'utf8' | 'base64';
      /** What was left out and why, one line each (the CLI's `omitted:` lines). */
      readonly omitted: readonly string[];
      /** The file extension, without the dot. */
      readonly extension: string;
      /** Errors in the plan: the export holds what could be scheduled. */
      readonly errors: number;
    }
  /** Nothing to export: the plan has no valid plan.start. */
  | { readonly content: null; readonly reason: string };
