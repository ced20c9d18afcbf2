import type { SeveritySetting } from '../model/types.js';
import { isPlanDate } from '../model/values.js';

/** The `crmplan.*` settings the server reads, per document (scopeUri). */
export interface CrmplanSettings {
  readonly validation: { readonly delay: number };
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly inlayHints: { readonly enabled: boolean };
  /** `crmplan.statusDate`: a real date `YYYY-MM-DD`, or '' for today (an invalid value reads as ''). */
  readonly statusDate: string;
}

export const DEFAULT_SETTINGS: CrmplanSettings = {
  validation: { delay: 150 },
  rules: {},
  inlayHints: { enabled: true },
  statusDate: '',
};

const SEVERITY_SETTINGS: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

/** Reads the `crmplan` section defensively: settings are user input too. */
export function normalizeSettings(section: unknown): CrmplanSettings {
  const record = isRecord(section) ? section : {};
  const validation = isRecord(record['validation']) ? record['validation'] : {};
  const delay = validation['delay'];
  const inlayHints = isRecord(record['inlayHints']) ? record['inlayHints'] : {};
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(record['rules'])) {
    for (const [rule, severity] of Object.entries(record['rules'])) {
      if (typeof severity === 'string' && SEVERITY_SETTINGS.includes(severity)) rules[rule] = severity as SeveritySetting;
    }
  }
  return {
    validation: {
      delay: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? delay : DEFAULT_SETTINGS.validation.delay,
    },
    rules,
    inlayHints: { enabled: inlayHints['enabled'] !== false },
    statusDate: typeof record['statusDate'] === 'string' && isPlanDate(record['statusDate'].trim()) ? record['statusDate'].trim() : '',
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
