import type { RuleModule } from '../types.js';
import type { DependencyCycleData } from './data.js';
import { dependencyCycleFix } from './fix.js';
import { dependencyCycleRule } from './rule.js';

export const dependencyCycleModule: RuleModule<'dependency-cycle', DependencyCycleData> = { rule: dependencyCycleRule, fix: dependencyCycleFix };
