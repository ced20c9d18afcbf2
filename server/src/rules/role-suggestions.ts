import type { Person, TaskKind } from '../model/types.js';

/**
 * Which people could own a piece of work, judged by the words of their
 * `role`. Keywords are matched at the start of a word, case-insensitively:
 * a stem such as `develop` matches "Developer" and "Development Lead";
 * keywords of three letters or fewer (`it`, `qa`, `bi`) must be the whole
 * word, so `it` does not match "Security". Earlier keywords rank higher.
 *
 * The roles come from the seeds' team lists (seed 001 "Resource Allocation
 * Plan": CRM Administrator, Data Migration Specialist, Training Coordinator;
 * seed 002 "5. Resource Allocation": Development Lead, QA Tester, Business
 * Analysts; seed 000 "Typical Resource Requirements": IT Representative).
 */
export const ROLE_KEYWORDS: Readonly<Record<TaskKind, readonly string[]>> = {
  kickoff: ['project manager', 'pmo'],
  requirements: ['business analyst', 'analyst', 'requirement'],
  'process-mapping': ['business analyst', 'process', 'analyst', 'operations'],
  'vendor-selection': ['procurement', 'purchasing', 'vendor', 'architect', 'it'],
  'data-audit': ['data', 'database', 'dba', 'it'],
  'data-cleansing': ['data', 'database', 'dba', 'it'],
  'data-backup': ['data', 'database', 'dba', 'it', 'admin'],
  'data-mapping': ['data', 'database', 'dba', 'analyst', 'it'],
  'data-migration': ['migration', 'data', 'database', 'dba', 'it'],
  'data-validation': ['data', 'qa', 'quality', 'test', 'it'],
  configuration: ['admin', 'configur', 'consultant', 'implementation', 'it'],
  customization: ['develop', 'engineer', 'programmer', 'architect', 'it'],
  integration: ['integration', 'develop', 'architect', 'engineer', 'it'],
  reporting: ['report', 'analytics', 'bi', 'analyst', 'data'],
  training: ['train', 'enablement', 'learning', 'change', 'educat'],
  uat: ['qa', 'test', 'quality', 'power user', 'end-user', 'end user'],
  pilot: ['power user', 'champion', 'end-user', 'end user', 'qa', 'test'],
  'go-live': ['project manager', 'release', 'deploy', 'admin', 'it'],
  hypercare: ['support', 'help desk', 'helpdesk', 'success', 'admin'],
  review: ['project manager', 'pmo', 'sponsor', 'analyst'],
  governance: ['governance', 'steering', 'sponsor', 'pmo', 'project manager'],
  communication: ['communicat', 'change', 'marketing'],
  'change-management': ['change', 'communicat', 'train', 'hr'],
  other: [],
};

/** Roles that read like an executive sponsor (seed 000 "Typical Resource Requirements", seed 002 "5. Resource Allocation"). */
export const SPONSOR_KEYWORDS: readonly string[] = [
  'sponsor',
  'executive',
  'chief',
  'ceo',
  'cro',
  'coo',
  'cfo',
  'cio',
  'cto',
  'vp',
  'vice president',
  'president',
  'head',
  'director',
];

/** Declared people whose role matches one of `keywords`, best keyword first, then in document order. */
export function peopleWithRole(people: readonly Person[], keywords: readonly string[]): string[] {
  if (keywords.length === 0) return [];
  const patterns = keywords.map(keywordPattern);
  const ranked: { id: string; rank: number; order: number }[] = [];
  people.forEach((person, order) => {
    const role = person.role?.value;
    if (!person.id || !role) return;
    const rank = patterns.findIndex((pattern) => pattern.test(role));
    if (rank >= 0) ranked.push({ id: person.id.value, rank, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.map((entry) => entry.id);
}

function keywordPattern(keyword: string): RegExp {
  const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  // Short keywords are abbreviations: the whole word or nothing.
  const end = keyword.length <= 3 ? '(?![a-z0-9])' : '';
  return new RegExp(`(?<![a-z0-9])${escaped}${end}`, 'i');
}

/** `items` without repeats, first occurrence kept. */
export function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
