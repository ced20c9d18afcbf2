/** The figures of bench:lsp (also written as out/bench/lsp.json) and their markdown tables. */

/** Milliseconds of one measure: every sample, their median, and what did not give one. */
export interface Measure {
  median: number | null;
  readonly samples: number[];
  timeouts: number;
  readonly errors: string[];
}

/** A schema error planted once in the plan: what the server reported on its line. */
export interface ValidationCheck {
  readonly line: number | null;
  readonly reported: readonly string[];
  readonly diagnosticsAfterRevert: number | null;
  readonly error?: string;
}

export interface Run {
  readonly server: 'crmplan' | 'yaml-language-server';
  version: string | null;
  /** Spawn -> `initialize` answered. */
  readonly startup: Measure;
  /** Spawn -> settings pulled and applied (not in the tables). */
  readonly ready: Measure;
  readonly open: Measure;
  openDiagnostics: number | null;
  validationCheck: ValidationCheck | null;
  readonly edit: Measure;
  /** For each edit, the publishes for the document until the next edit. */
  publishesPerEdit: number[];
  readonly completionOwner: Measure;
  completionOwnerItems: number | null;
  readonly completionDependsOn: Measure;
  completionDependsOnItems: number | null;
  readonly hover: Measure;
  hoverFound: boolean | null;
  /** crmplan only: edit -> `crmplan/timeline` answer, and edit -> diagnostics in the same rounds. */
  readonly timeline: Measure | null;
  readonly timelineRoundDiagnostics: Measure | null;
  /** How many settings sections the server asked the client for (all runs of `workspace/configuration`). */
  configurationItems: number;
  peakRssKb: number | null;
  process: string | null;
  killed: boolean;
  error: string | null;
}

export interface SizeResult {
  readonly tasks: number;
  readonly lines: number;
  readonly runs: readonly Run[];
}

export interface Report {
  readonly date: string;
  readonly node: string;
  readonly platform: string;
  readonly cpus: number;
  readonly crmplan: string;
  /** The crmplan server script driven. */
  readonly crmplanServer: string;
  readonly yamlLanguageServer: string;
  readonly repetitions: { readonly edits: number; readonly timelineRounds: number; readonly requests: number };
  readonly sizes: readonly SizeResult[];
}

type MeasureKey = 'startup' | 'open' | 'edit' | 'completionOwner' | 'completionDependsOn' | 'hover';

const count = (value: number): string => value.toLocaleString('en-US');

function time(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function cell(measure: Measure | null | undefined): string {
  if (!measure) return 'n/a';
  if (measure.median === null) return measure.timeouts > 0 ? 'timeout' : 'failed';
  const missing = measure.timeouts + measure.errors.length;
  return missing > 0 ? `${time(measure.median)} (${missing} of ${missing + measure.samples.length} missing)` : time(measure.median);
}

function ratio(value: number | null | undefined, base: number | null | undefined): string {
  if (value === null || value === undefined || base === null || base === undefined || base === 0) return 'n/a';
  const r = value / base;
  return r >= 1 ? `${r.toFixed(1)}x` : `${r.toFixed(2)}x`;
}

/** Wraps a paragraph at 80 columns, as the README is written. */
function wrap(paragraph: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > 80) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line].join('\n');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---:')), ...rows.map(line)].join('\n');
}

function runsOf(size: SizeResult): { crmplan: Run | undefined; yaml: Run | undefined } {
  return {
    crmplan: size.runs.find((run) => run.server === 'crmplan'),
    yaml: size.runs.find((run) => run.server === 'yaml-language-server'),
  };
}

/** Prints the paste-ready tables, then the checks; returns how many problems the checks found. */
export function printReport(report: Report): number {
  const { edits, timelineRounds, requests } = report.repetitions;
  const versions = (server: Run['server']): string =>
    [...new Set(report.sizes.map((size) => size.runs.find((run) => run.server === server)?.version ?? '?'))].join(', ');
  const out: string[] = [
    wrap(
      '`npm run bench:lsp` drives both servers through the Language Server Protocol over stdio, in the same run, on the same ' +
        `generated plans (${report.sizes.map((size) => `${count(size.tasks)} tasks = ${count(size.lines)} lines`).join(', ')}), ` +
        `a fresh server process per size: crmplan ${versions('crmplan')} (\`crmplan.validation.delay\`: 0) and Red Hat's ` +
        `yaml-language-server ${versions('yaml-language-server')}, validating against \`schemas/crmplan.schema.json\` with its ` +
        'hard-coded 200 ms validation debounce removed. Edits are incremental `didChange`s. Figures are medians, from sending a message ' +
        'to receiving its answer or the matching `publishDiagnostics`; "crmplan is N.Nx faster" is yaml-language-server\'s time / ' +
        `crmplan's (below 1.0x, crmplan is slower). Node ${report.node}, ${report.platform}, ${report.cpus} CPUs, ${report.date.slice(0, 10)}.`,
    ),
  ];
  const measures: readonly { readonly key: MeasureKey; readonly title: string }[] = [
    { key: 'startup', title: 'Start: spawn -> `initialize` answered' },
    { key: 'open', title: 'Open: `didOpen` -> first diagnostics' },
    { key: 'edit', title: `Edit -> diagnostics: ${edits} edits of a task's \`duration:\` (${edits / 2} tasks from the start to the end of the plan, each changed and changed back)` },
    { key: 'completionOwner', title: `Completion after typing a new \`owner: \` line in a task (${requests} requests, the server idle)` },
    { key: 'completionDependsOn', title: `Completion inside a new \`depends_on: []\` (${requests} requests, the server idle)` },
    { key: 'hover', title: `Hover on a task id (${requests} requests)` },
  ];
  for (const { key, title } of measures) {
    const rows = report.sizes.map((size) => {
      const { crmplan, yaml } = runsOf(size);
      return [count(size.tasks), cell(crmplan?.[key]), cell(yaml?.[key]), ratio(yaml?.[key].median, crmplan?.[key].median)];
    });
    out.push(wrap(`**${title}**`), table(['tasks', 'crmplan', 'yaml-language-server', 'crmplan is N.Nx faster'], rows));
  }
  out.push(
    wrap(`**crmplan only: \`crmplan/timeline\` (the preview's request) sent right after an edit (${timelineRounds} rounds; both times from sending the edit)**`),
    table(
      ['tasks', 'edit -> `crmplan/timeline` answer', 'edit -> diagnostics, same rounds'],
      report.sizes.map((size) => {
        const { crmplan } = runsOf(size);
        return [count(size.tasks), cell(crmplan?.timeline), cell(crmplan?.timelineRoundDiagnostics)];
      }),
    ),
    wrap('**Peak memory of the server process (VmHWM, read just before shutdown)**'),
    table(
      ['tasks', 'crmplan', 'yaml-language-server', 'crmplan / yaml-language-server'],
      report.sizes.map((size) => {
        const { crmplan, yaml } = runsOf(size);
        const mb = (run: Run | undefined): string => (run?.peakRssKb ? `${count(Math.round(run.peakRssKb / 1024))} MB` : 'n/a');
        return [count(size.tasks), mb(crmplan), mb(yaml), ratio(crmplan?.peakRssKb, yaml?.peakRssKb)];
      }),
    ),
  );
  console.log(out.join('\n\n'));

  const { lines, problems } = checks(report);
  console.log(`\nChecks (not for the README):\n${lines.join('\n')}`);
  return problems;
}

function checks(report: Report): { lines: string[]; problems: number } {
  const lines: string[] = [];
  let problems = 0;
  for (const size of report.sizes) {
    for (const run of size.runs) {
      const notes: string[] = [];
      const check = run.validationCheck;
      if (check && check.reported.length > 0) {
        notes.push(`validates (planted \`kind: not-a-kind\`, line ${check.line}: "${check.reported[0]!.slice(0, 60)}..."; ${check.diagnosticsAfterRevert} diagnostics after removing it)`);
      } else {
        problems++;
        notes.push(`DID NOT REPORT the planted schema error${check?.error ? ` (${check.error})` : ''}`);
      }
      notes.push(`${run.openDiagnostics ?? '?'} diagnostics at open`);
      const perEdit = [...new Set(run.publishesPerEdit)].sort((a, b) => a - b);
      notes.push(`publishes per edit: ${perEdit.join(' or ') || '?'} (${run.publishesPerEdit.length} edits)`);
      notes.push(`completion items: owner ${run.completionOwnerItems ?? '?'}, depends_on ${run.completionDependsOnItems ?? '?'}`);
      notes.push(`hover ${run.hoverFound ? 'answered' : 'empty'}`);
      notes.push(`${run.configurationItems} settings sections asked for`);
      notes.push(`process: ${run.process ?? '?'}${run.killed ? ' (KILLED: did not exit after shutdown/exit)' : ''}`);
      const measures = [run.startup, run.ready, run.open, run.edit, run.completionOwner, run.completionDependsOn, run.hover, run.timeline, run.timelineRoundDiagnostics];
      const timeouts = measures.reduce((sum, measure) => sum + (measure?.timeouts ?? 0), 0);
      if (timeouts > 0) notes.push(`${timeouts} TIMEOUTS`);
      const errors = measures.flatMap((measure) => measure?.errors ?? []);
      if (run.error) errors.unshift(run.error);
      if (errors.length > 0) {
        problems += errors.length;
        notes.push(`ERRORS: ${[...new Set(errors)].join('; ')}`);
      }
      lines.push(`- ${count(size.tasks)} tasks, ${run.server}: ${notes.join('; ')}`);
    }
  }
  return { lines, problems };
}
