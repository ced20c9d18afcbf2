import { ID_PATTERN } from '../model/values.js';

/** Ids are kept short enough to read; a longer name is cut before the suffix. */
const ID_LENGTH = 48;

/**
 * `Data migration (first pass)` -> `data-migration-first-pass`: lowercase
 * ASCII letters and digits joined by `-`, accents dropped, valid under the
 * format's id rule (docs/format.md#identifiers). Empty when nothing is left.
 */
export function idFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, ID_LENGTH)
    .replace(/-+$/, '');
}

/**
 * Hands out unique ids in one namespace: the file's own id when it is valid
 * and free, else one derived from the name, else `fallback`; a taken id gets
 * `-2`, `-3`, ...
 */
export class IdAllocator {
  private readonly taken = new Set<string>();
  /** The next suffix to try per base, so a thousand tasks named `Task` stay linear. */
  private readonly nextSuffix = new Map<string, number>();

  /** Marks ids that are already used (for example every id the file declares). */
  reserve(id: string): void {
    this.taken.add(id);
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }

  allocate(name: string, fallback: string, preferred?: string): string {
    if (preferred !== undefined && ID_PATTERN.test(preferred) && !this.taken.has(preferred)) return this.take(preferred);
    const base = idFromName(name) || fallback;
    if (!this.taken.has(base)) return this.take(base);
    for (let suffix = this.nextSuffix.get(base) ?? 2; ; suffix++) {
      const candidate = `${base}-${suffix}`;
      if (!this.taken.has(candidate)) {
        this.nextSuffix.set(base, suffix + 1);
        return this.take(candidate);
      }
    }
  }

  private take(id: string): string {
    this.taken.add(id);
    return id;
  }
}
