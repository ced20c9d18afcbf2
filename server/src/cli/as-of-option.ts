import { isPlanDate } from '../model/values.js';
import { singleOption, UsageError, type ParsedOptions } from './cli-io.js';

/**
 * `--as-of YYYY-MM-DD`: the status date of a run (it wins over the plan's
 * `status_date`; docs/format.md#the-status-date). Undefined when not given.
 */
export function asOfOption(options: ParsedOptions): string | undefined {
  const value = singleOption(options, 'as-of');
  if (value === undefined) return undefined;
  if (!isPlanDate(value)) throw new UsageError(`--as-of must be a real date written YYYY-MM-DD (years 1900-2999), not '${value}'`);
  return value;
}
