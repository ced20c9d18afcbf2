import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ImportError, importExtensionOf, importPlanText, MAX_IMPORT_BYTES } from '../import/import-file.js';
import { parseOptions, singleOption, UsageError, type CliIo } from './cli-io.js';
import { displayPath } from './plan-files.js';

const USAGE = 'crmplan import FILE.csv|FILE.xml [--output PLAN]';

/**
 * `crmplan import FILE`: a plan from a CSV or MS Project XML file, on stdout
 * or into a new file inside the current folder. What could not be carried
 * over goes to stderr, one line each (the plan has it as comments too). A
 * file that cannot be read exits 2 with one line, and nothing is written.
 */
export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, ['output']);
  const [given, ...more] = options.positionals;
  if (given === undefined || more.length > 0) throw new UsageError(`import needs exactly one file: ${USAGE}`);
  const extension = importExtensionOf(given);
  if (!extension) throw new UsageError(`'${given}' is neither .csv nor .xml: ${USAGE}`);
  const output = singleOption(options, 'output');
  const target = output === undefined ? undefined : await outputPath(output, io.cwd);

  const file = path.resolve(io.cwd, given);
  const shown = displayPath(file, io.cwd);
  const text = await readLimited(file, shown);
  let result;
  try {
    result = importPlanText(text, path.basename(file), extension);
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`cannot import '${shown}': ${error.message}`);
    throw error;
  }
  for (const note of result.notes) io.stderr(`crmplan: not carried over: ${note}\n`);
  if (target === undefined) {
    io.stdout(result.text);
    return 0;
  }
  await writeNew(target, result.text, output!);
  io.stderr(`crmplan: wrote ${displayPath(target, io.cwd)}\n`);
  return 0;
}

/** Reads the file, refusing one over the limit before reading it (and one that grew past it since). */
async function readLimited(file: string, shown: string): Promise<string> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new UsageError(`cannot import '${shown}': it is a folder`);
    if (stat.size > MAX_IMPORT_BYTES) {
      throw new UsageError(`cannot import '${shown}': ${stat.size} bytes is over the limit of ${MAX_IMPORT_BYTES / (1024 * 1024)} MiB`);
    }
    const buffer = Buffer.alloc(MAX_IMPORT_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_IMPORT_BYTES) throw new UsageError(`cannot import '${shown}': it is over the limit of ${MAX_IMPORT_BYTES / (1024 * 1024)} MiB`);
    }
    const bytes = buffer.subarray(0, length);
    // UTF-16 (little-endian) with a byte order mark, as some spreadsheet tools save; everything else is read as UTF-8.
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read '${shown}': ${code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
  } finally {
    await handle?.close();
  }
}

/** --output: a new file inside the current folder (symbolic links followed), never an existing one. */
async function outputPath(output: string, cwd: string): Promise<string> {
  const target = path.resolve(cwd, output);
  const root = await fs.realpath(cwd);
  const folder = await fs.realpath(path.dirname(target)).catch(() => {
    throw new UsageError(`--output '${output}': its folder does not exist`);
  });
  const relative = path.relative(root, path.join(folder, path.basename(target)));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError(`--output '${output}' is outside the current folder`);
  }
  const exists = await fs.lstat(target).then(() => true, () => false);
  if (exists) throw new UsageError(`--output '${output}' already exists; crmplan import never overwrites a file`);
  return path.join(folder, path.basename(target));
}

/**
 * Writes atomically and without overwriting: the text goes to a temporary
 * file next to the target, which is then hard-linked to the target name
 * (fails if the name exists by then) and removed.
 */
async function writeNew(target: string, text: string, shown: string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temporary, text, { flag: 'wx' });
    await fs.link(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'EEXIST' ? `--output '${shown}' already exists; crmplan import never overwrites a file` : `cannot write '${shown}': ${(error as Error).message}`);
  } finally {
    await fs.rm(temporary, { force: true });
  }
}
