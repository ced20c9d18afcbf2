/**
 * `--name value` options of the fuzz runners: numbers and strings with
 * defaults, anything else refused with a message (the runner exits 2).
 */
export class OptionError extends Error {}

export function readOptions<Defaults extends Record<string, number | string>>(argv: readonly string[], defaults: Defaults): Defaults {
  const options: Record<string, number | string> = { ...defaults };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const [flag, inline] = argument.split('=', 2) as [string, string | undefined];
    const name = flag.replace(/^--/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    if (!flag.startsWith('--') || !(name in defaults)) {
      throw new OptionError(`unknown option ${argument}; options: ${Object.keys(defaults).map((key) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')}`);
    }
    const value = inline ?? argv[++index];
    if (value === undefined) throw new OptionError(`${flag} needs a value`);
    if (typeof defaults[name] === 'number') {
      const number = Number(value);
      if (!Number.isFinite(number) || number < 0) throw new OptionError(`${flag} needs a number, not ${value}`);
      options[name] = number;
    } else {
      options[name] = value;
    }
  }
  return options as Defaults;
}

/** A seed for a run that names none: from the clock, printed so the run can be repeated. */
export function freshSeed(): number {
  return Date.now() % 2 ** 31;
}
