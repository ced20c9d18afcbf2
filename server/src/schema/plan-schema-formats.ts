import { isIsoDate, parsePercent } from '../model/values.js';

/**
 * The custom formats of schemas/crmplan.schema.json, by name. The standalone
 * validator made at build time (plan-schema-standalone.ts) reads them from
 * this module, so both validators share the same functions.
 */
export const PLAN_SCHEMA_FORMATS = {
  'crmplan-date': { type: 'string', validate: isIsoDate },
  /** `progress`: at most 100% (the pattern reports a value that is no percentage). */
  'crmplan-progress': { type: 'string', validate: (text: string) => (parsePercent(text) ?? 0) <= 100 },
  /** `progress: 0.6`: a number is never a progress; the finding asks for a percentage. */
  'crmplan-progress-fraction': { type: 'number', validate: () => false },
} as const;
