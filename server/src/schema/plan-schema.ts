import type { ErrorObject, ValidateFunction } from 'ajv';
import schemaJson from '../../../schemas/crmplan.schema.json';
import { loadPlanSchemaValidator } from './plan-schema-validator.js';

/** The validator of the format's JSON Schema, made once per process (see plan-schema-validator.ts). */
let compiled: ValidateFunction | undefined;

export function planSchemaValidator(): ValidateFunction {
  compiled ??= loadPlanSchemaValidator();
  return compiled;
}

export type SchemaError = ErrorObject;

export const planSchema: unknown = schemaJson;
