import * as vscode from 'vscode';
import {
  localToday,
  nextMonday,
  PLAN_TEMPLATES,
  planFileName,
  planFromTemplate,
  planNameProblem,
  startDateProblem,
  templateName,
  type PlanTemplate,
} from '@crmplan/shared/plan-templates.js';
import type { CommandFactory } from './client-context.js';

/**
 * "CRM Plan: New Plan from Template...": a quick pick of the templates, the
 * plan's name and start date (checked as they are typed), then where to
 * save it: a save dialog in the first workspace folder, or an untitled
 * document when no folder is open. The text is the one `crmplan init` writes
 * (shared/plan-templates.ts), so the new plan has no findings.
 */

/** Where the prompts are, for the extension-host test (`crmplan.newPlan.describe`); the UI gives no other way to see it. */
export interface NewPlanPromptState {
  step: 'idle' | 'template' | 'name' | 'start' | 'save' | 'done' | 'cancelled';
  /** The template under the cursor of the quick pick, or the one chosen. */
  template?: string;
  /** The text of the input box, and its validation message. */
  value?: string;
  problem?: string;
  /** The new document, once created. */
  uri?: string;
}

const state: NewPlanPromptState = { step: 'idle' };

export const describeNewPlanPrompt: CommandFactory = () => () => ({ ...state });

const PLAN_SUFFIXES = ['.crmplan.yaml', '.crmplan.yml'];

interface TemplateItem extends vscode.QuickPickItem {
  readonly template: PlanTemplate;
}

export const newPlanFromTemplate: CommandFactory = () => async () => {
  Object.assign(state, { step: 'template', template: undefined, value: undefined, problem: undefined, uri: undefined });
  const template = await pickTemplate();
  if (!template) return cancelled();
  const name = await ask('name', {
    title: `New Plan from Template: ${template.title} (2/3)`,
    prompt: 'The name of the plan',
    value: templateName(template),
    problem: planNameProblem,
  });
  if (name === undefined) return cancelled();
  const start = await ask('start', {
    title: `New Plan from Template: ${template.title} (3/3)`,
    prompt: 'The first day of the project (YYYY-MM-DD; a weekend or holiday means the next working day)',
    value: nextMonday(localToday()) ?? localToday(),
    problem: startDateProblem,
  });
  if (start === undefined) return cancelled();
  const text = planFromTemplate(template, name, start);
  state.step = 'save';
  const document = await createDocument(name, text);
  if (!document) return cancelled();
  await vscode.window.showTextDocument(document);
  Object.assign(state, { step: 'done', uri: document.uri.toString() });
  return document.uri;
};

function cancelled(): undefined {
  state.step = 'cancelled';
  return undefined;
}

function pickTemplate(): Promise<PlanTemplate | undefined> {
  const pick = vscode.window.createQuickPick<TemplateItem>();
  pick.title = 'New Plan from Template (1/3)';
  pick.placeholder = 'Choose a template: a minimal plan or one drawn from a CRM roadmap';
  pick.matchOnDescription = true;
  pick.items = PLAN_TEMPLATES.map((template) => ({ label: template.title, description: template.about, template }));
  state.template = pick.items[0]?.template.id;
  return new Promise((resolve) => {
    let chosen: PlanTemplate | undefined;
    pick.onDidChangeActive((items) => {
      state.template = items[0]?.template.id;
    });
    pick.onDidAccept(() => {
      chosen = pick.activeItems[0]?.template;
      if (chosen) pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}

interface Question {
  readonly title: string;
  readonly prompt: string;
  readonly value: string;
  readonly problem: (value: string) => string | undefined;
}

/** An input box that accepts only a value without a problem. */
function ask(step: 'name' | 'start', question: Question): Promise<string | undefined> {
  const input = vscode.window.createInputBox();
  input.title = question.title;
  input.prompt = question.prompt;
  input.value = question.value;
  input.valueSelection = [0, question.value.length];
  Object.assign(state, { step, value: question.value, problem: undefined });
  return new Promise((resolve) => {
    let answer: string | undefined;
    input.onDidChangeValue((value) => {
      input.validationMessage = question.problem(value);
      Object.assign(state, { value, problem: input.validationMessage });
    });
    input.onDidAccept(() => {
      const problem = question.problem(input.value);
      input.validationMessage = problem;
      state.problem = problem;
      if (problem) return;
      answer = input.value;
      input.hide();
    });
    input.onDidHide(() => {
      input.dispose();
      resolve(answer);
    });
    input.show();
  });
}

/**
 * The new plan's document: saved where the user says (the save dialog asks
 * before replacing a file), or untitled without a workspace folder.
 */
async function createDocument(name: string, text: string): Promise<vscode.TextDocument | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return vscode.workspace.openTextDocument({ language: 'crmplan', content: text });
  const chosen = await vscode.window.showSaveDialog({
    title: 'Save the new plan',
    defaultUri: vscode.Uri.joinPath(folder.uri, planFileName(name)),
    // Dialogs compare only the last extension (`.yaml`); withPlanSuffix adds `.crmplan` when it is missing.
    filters: { 'CRM plan': ['yaml', 'yml'] },
    saveLabel: 'Create Plan',
  });
  if (!chosen) return undefined;
  const uri = withPlanSuffix(chosen);
  if (uri.toString() !== chosen.toString() && (await exists(uri))) {
    void vscode.window.showWarningMessage(`crmplan: ${uri.fsPath} already exists; the new plan was not saved.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return vscode.workspace.openTextDocument(uri);
}

/** `plan.yaml` -> `plan.crmplan.yaml`: only plan files get the plan's diagnostics, and `crmplan check` finds them. */
function withPlanSuffix(uri: vscode.Uri): vscode.Uri {
  const base = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  if (PLAN_SUFFIXES.some((suffix) => base.endsWith(suffix))) return uri;
  const stem = base.replace(/\.ya?ml$/, '');
  return vscode.Uri.joinPath(uri, '..', `${stem}.crmplan.yaml`);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
