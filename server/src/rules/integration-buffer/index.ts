import type { RuleModule } from '../types.js';
import type { IntegrationBufferData } from './data.js';
import { integrationBufferFix } from './fix.js';
import { integrationBufferRule } from './rule.js';

export const integrationBufferModule: RuleModule<'integration-buffer', IntegrationBufferData> = { rule: integrationBufferRule, fix: integrationBufferFix };
