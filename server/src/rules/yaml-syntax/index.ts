import type { RuleModule } from '../types.js';
import { yamlSyntaxRule } from './rule.js';

export const yamlSyntaxModule: RuleModule<'yaml-syntax'> = { rule: yamlSyntaxRule };
