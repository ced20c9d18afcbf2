// Files of the repository, as the package checks list what a package must hold.
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

/** Every file under `dir` of `root` (relative to `root`, `/`-separated), or none if it is absent. */
export function filesUnder(root, dir) {
  const absolute = path.join(root, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}
