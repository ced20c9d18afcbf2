import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  EXPORT_FORMATS_REQUEST,
  EXPORT_REQUEST,
  type ExportFormatInfo,
  type ExportFormatsResult,
  type ExportParams,
  type ExportResponse,
} from '@crmplan/shared/export-protocol.js';
import type { CommandFactory } from '../client-context.js';

const LANGUAGE_ID = 'crmplan';

/**
 * What `crmplan.export` may be given (tests, other extensions, keybindings):
 * the plan, the format, its options and where to write. Whatever is missing
 * is asked for: the active plan, a quick pick of the formats (then of their
 * flags), a save dialog. Given a format, its options are `options` or none.
 * A bare URI is the plan (as the explorer and editor title pass it).
 */
export interface ExportCommandArguments {
  readonly document?: vscode.Uri;
  readonly format?: string;
  readonly options?: Readonly<Record<string, string | boolean>>;
  readonly target?: vscode.Uri;
}

/**
 * **CRM Plan: Export...** (`crmplan.export`): the plan in one of the formats
 * of `crmplan export`, computed by the language server (`crmplan/export`),
 * written where the user says. Resolves with the file written, or undefined
 * when nothing was (cancelled, or nothing to export).
 */
export const exportPlan: CommandFactory = (context) => async (argument) => {
  const given: ExportCommandArguments = argument instanceof vscode.Uri ? { document: argument } : isArguments(argument) ? argument : {};
  const planUri = given.document ?? activePlanUri();
  if (!planUri) {
    void vscode.window.showInformationMessage('crmplan: open a *.crmplan.yaml plan to export it.');
    return undefined;
  }
  const client = context.client;
  if (!client) {
    void vscode.window.showErrorMessage('crmplan: the language server is not running; see the "crmplan" output channel.');
    return undefined;
  }
  try {
    // The server exports open documents: opening one (no editor needed) sends didOpen first.
    await vscode.workspace.openTextDocument(planUri);
    const { formats } = await client.sendRequest<ExportFormatsResult>(EXPORT_FORMATS_REQUEST, {});
    const format = given.format === undefined ? await pickFormat(formats) : formats.find((candidate) => candidate.name === given.format);
    if (!format) {
      if (given.format !== undefined) void vscode.window.showErrorMessage(`crmplan: there is no export format '${given.format}'.`);
      return undefined;
    }
    // A caller that names the format (tests, keybindings) gets its options or none, never a prompt.
    const options = given.options ?? (given.format === undefined ? await pickFlags(format) : {});
    if (!options) return undefined;
    const params: ExportParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(planUri) }, format: format.name, options };
    const answer = await client.sendRequest<ExportResponse>(EXPORT_REQUEST, params);
    if (answer.content === null) {
      void vscode.window.showErrorMessage(`crmplan: nothing to export: ${answer.reason}.`);
      return undefined;
    }
    const target = given.target ?? (await askTarget(planUri, format));
    if (!target) return undefined;
    const bytes = answer.encoding === 'base64' ? Buffer.from(answer.content, 'base64') : new TextEncoder().encode(answer.content);
    await vscode.workspace.fs.writeFile(target, bytes);
    report(context.outputChannel, target, format, answer);
    return target;
  } catch (error) {
    void vscode.window.showErrorMessage(`crmplan: the export failed (${error instanceof Error ? error.message : String(error)}).`);
    return undefined;
  }
};

function isArguments(value: unknown): value is ExportCommandArguments {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function activePlanUri(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}

async function pickFormat(formats: readonly ExportFormatInfo[]): Promise<ExportFormatInfo | undefined> {
  const picked = await vscode.window.showQuickPick(
    formats.map((format) => ({ label: format.name, description: `.${format.extension}`, detail: format.description, format })),
    { title: 'CRM Plan: Export', placeHolder: 'Export the plan as...' },
  );
  return picked?.format;
}

/** The format's flags as a multi-select (none picked: the default export); undefined when cancelled. */
async function pickFlags(format: ExportFormatInfo): Promise<Record<string, boolean> | undefined> {
  const flags = format.options.filter((option) => option.flag);
  if (flags.length === 0) return {};
  const picked = await vscode.window.showQuickPick(
    flags.map((option) => ({ label: option.name, detail: option.description })),
    { title: `CRM Plan: Export as ${format.name}`, placeHolder: 'Options (none: the default export)', canPickMany: true },
  );
  return picked && Object.fromEntries(picked.map((item) => [item.label, true]));
}

/** The save dialog, offering `<plan>.<extension>` beside the plan. */
function askTarget(planUri: vscode.Uri, format: ExportFormatInfo): Thenable<vscode.Uri | undefined> {
  const base = path.posix.basename(planUri.path).replace(/\.crmplan\.ya?ml$/i, '');
  const suffix = format.name === 'jira-csv' ? '.jira' : '';
  const defaultUri = planUri.scheme === 'file' ? vscode.Uri.joinPath(planUri, '..', `${base}${suffix}.${format.extension}`) : undefined;
  return vscode.window.showSaveDialog({
    ...(defaultUri ? { defaultUri } : {}),
    filters: { [format.name]: [format.extension] },
    title: `Export as ${format.name}`,
  });
}

/**
 * A confirmation with Open and Reveal; what was left out goes to the output
 * channel and, with the plan's errors, into a warning. Not awaited: a
 * command given a target (tests) must not wait for a click.
 */
function report(output: vscode.OutputChannel, target: vscode.Uri, format: ExportFormatInfo, answer: Extract<ExportResponse, { content: string }>): void {
  const name = path.posix.basename(target.path);
  for (const line of answer.omitted) output.appendLine(`crmplan export ${format.name}: omitted: ${line}`);
  const open = 'Open';
  const reveal = 'Reveal';
  const onChoice = (choice: string | undefined): void => {
    if (choice === open) void vscode.commands.executeCommand('vscode.open', target);
    if (choice === reveal) void vscode.commands.executeCommand('revealInExplorer', target);
  };
  if (answer.omitted.length === 0 && answer.errors === 0) {
    void vscode.window.showInformationMessage(`crmplan: exported ${name} (${format.name}).`, open, reveal).then(onChoice);
    return;
  }
  const errors = answer.errors === 0 ? '' : ` The plan has ${answer.errors} error${answer.errors === 1 ? '' : 's'}; the export holds what could be scheduled.`;
  const shown = answer.omitted.slice(0, 3).join('; ');
  const more = answer.omitted.length > 3 ? ` and ${answer.omitted.length - 3} more (see the crmplan output)` : '';
  const omitted = answer.omitted.length === 0 ? '' : ` Left out: ${shown}${more}.`;
  void vscode.window.showWarningMessage(`crmplan: exported ${name} (${format.name}).${errors}${omitted}`, open, reveal).then(onChoice);
}
