import type { RuleModule } from '../types.js';
import type { SchemaData } from './data.js';
import { schemaFix } from './fix.js';
import { schemaRule } from './rule.js';

export const schemaModule: RuleModule<'schema', SchemaData> = { rule: schemaRule, fix: schemaFix };
