import { isIsoDate } from '../model/values.js';

/**
 * The custom formats of schemas/crmplan.schema.json, by name. The standalone
 * validator made at build time (plan-schema-standalone.ts) reads them from
 * this module, so both validators share the same functions.
 */
export const PLAN_SCHEMA_FORMATS = {
  'crmplan-date': { type: 'string', validate: isIsoDate },
} as const;
