export interface CliIo {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The environment (`GITHUB_STEP_SUMMARY`); process.env when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Bad usage or unreadable input: one clear line on stderr, exit code 2. */
export class UsageError extends Error {}

export interface ParsedOptions {
  readonly positionals: string[];
  readonly values: Map<string, string[]>;
}

/**
 * A small option parser: `--name value`, `--name=value`, and `--` to end
 * options. Unknown options are usage errors, not silently ignored.
 */
export function parseOptions(args: readonly string[], known: readonly string[]): ParsedOptions {
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      positionals.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals >= 0 ? arg.slice(2, equals) : arg.slice(2);
    if (!known.includes(name)) throw new UsageError(`unknown option '--${name}' (options: ${known.map((option) => `--${option}`).join(', ')})`);
    let value: string | undefined = equals >= 0 ? arg.slice(equals + 1) : args[++index];
    if (value === undefined) throw new UsageError(`option '--${name}' needs a value`);
    values.set(name, [...(values.get(name) ?? []), value]);
    value = undefined;
  }
  return { positionals, values };
}

export function singleOption(options: ParsedOptions, name: string): string | undefined {
  const values = options.values.get(name);
  if (values && values.length > 1) throw new UsageError(`option '--${name}' given more than once`);
  return values?.[0];
}

export function formatOption(options: ParsedOptions, allowed: readonly string[]): string {
  const format = singleOption(options, 'format') ?? allowed[0]!;
  if (!allowed.includes(format)) throw new UsageError(`unknown format '${format}' (formats: ${allowed.join(', ')})`);
  return format;
}
