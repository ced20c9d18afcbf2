import type { RuleModule } from '../types.js';
import type { CustomizationHeavyData } from './data.js';
import { customizationHeavyRule } from './rule.js';

export const customizationHeavyModule: RuleModule<'customization-heavy', CustomizationHeavyData> = { rule: customizationHeavyRule };
