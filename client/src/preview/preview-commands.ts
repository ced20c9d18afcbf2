import * as vscode from 'vscode';
import type { ClientContext } from '../client-context.js';
import { TimelinePreview } from './timeline-preview.js';

/**
 * The timeline preview's commands. The editor title button passes the
 * plan's URI; the Command Palette passes nothing (the active plan is used).
 */
export function registerPreviewCommands(context: ClientContext): TimelinePreview {
  const preview = new TimelinePreview(context);
  context.extensionContext.subscriptions.push(preview);
  const planUri = (argument: unknown): vscode.Uri | undefined => (argument instanceof vscode.Uri ? argument : undefined);
  context.registerCommand('crmplan.showPreview', () => (argument) => preview.show(false, planUri(argument)));
  context.registerCommand('crmplan.showPreviewToSide', () => (argument) => preview.show(true, planUri(argument)));
  context.registerCommand('crmplan.exportTimelineSvg', () => () => preview.export('svg'));
  context.registerCommand('crmplan.exportTimelineMermaid', () => () => preview.export('mermaid'));
  // For tests (hidden from the Command Palette): what the preview drew last.
  context.registerCommand('crmplan.preview.describe', () => () => Promise.resolve(preview.describe()));
  return preview;
}
