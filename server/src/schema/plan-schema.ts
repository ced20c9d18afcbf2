import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schemaJson from '../../../schemas/crmplan.schema.json';
import { isIsoDate } from '../model/values.js';

/** The JSON Schema of the format, compiled once per process. */
let compiled: ValidateFunction | undefined;

export function planSchemaValidator(): ValidateFunction {
  if (!compiled) {
    // No useDefaults, removeAdditional or coerceTypes: ajv then only reads the
    // value, which document-value.ts shares between conversions and edits.
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    ajv.addFormat('crmplan-date', { type: 'string', validate: isIsoDate });
    compiled = ajv.compile(schemaJson);
  }
  return compiled;
}

export type SchemaError = ErrorObject;

export const planSchema: unknown = schemaJson;
