import * as vscode from 'vscode';
import type { ClientContext } from '../client-context.js';
import { TimelinePreview } from './timeline-preview.js';

/**
 * The timeline preview's commands. The editor title button passes the
 * plan's URI; the Command Palette passes nothing (the active plan is used).
 * The export commands take an optional target URI (tests, other
 * extensions): the file is written there without a dialog.
 */
export function registerPreviewCommands(context: ClientContext): TimelinePreview {
  const preview = new TimelinePreview(context);
  context.extensionContext.subscriptions.push(preview);
  const uriArgument = (argument: unknown): vscode.Uri | undefined => (argument instanceof vscode.Uri ? argument : undefined);
  context.registerCommand('crmplan.showPreview', () => (argument) => preview.show(false, uriArgument(argument)));
  context.registerCommand('crmplan.showPreviewToSide', () => (argument) => preview.show(true, uriArgument(argument)));
  context.registerCommand('crmplan.exportTimelineSvg', () => (target) => preview.export('svg', uriArgument(target)));
  context.registerCommand('crmplan.exportTimelineMermaid', () => (target) => preview.export('mermaid', uriArgument(target)));
  // For tests (hidden from the Command Palette): what the preview drew last.
  context.registerCommand('crmplan.preview.describe', () => () => Promise.resolve(preview.describe()));
  return preview;
}
