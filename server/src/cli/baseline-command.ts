import { analyzePlan } from '../analysis/analyze-plan.js';
import { isIsoDate } from '../model/values.js';
import { setBaseline } from '../service/features/set-baseline.js';
import { writeAtomically } from './export-command.js';
import { parseOptions, singleOption, UsageError, type CliIo } from './cli-io.js';
import { displayPath, readPlanFile, singlePlanFile } from './plan-files.js';

const USAGE = 'crmplan baseline FILE [--date YYYY-MM-DD]';

/**
 * `crmplan baseline FILE`: writes the current computed dates into the
 * plan's `baseline:` block (docs/format.md#baseline) as one text edit, so
 * every comment and the rest of the formatting stay. The file is replaced
 * atomically (export-command.ts writeAtomically). Exit 1 with one
 * line when the plan has errors or no `plan.start`.
 */
export async function baselineCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, ['date']);
  const date = singleOption(options, 'date') ?? todayUtc();
  if (!isIsoDate(date)) throw new UsageError(`--date needs a date like 2027-01-04, not '${date}'`);
  const file = await singlePlanFile(options.positionals, io.cwd, USAGE);
  const shown = displayPath(file, io.cwd);
  const text = await readPlanFile(file, io.cwd);
  const result = setBaseline(analyzePlan(text), date);
  if ('refused' in result) {
    io.stderr(`crmplan: cannot set the baseline of '${shown}': ${result.refused} (run crmplan check ${shown})\n`);
    return 1;
  }
  const { span, newText } = result.edit.edit;
  await writeAtomically(file, `${text.slice(0, span.start)}${newText}${text.slice(span.end)}`, shown);
  io.stdout(`${shown}: ${result.summary}\n`);
  return 0;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
