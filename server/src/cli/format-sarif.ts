import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../model/types.js';
import { ALL_RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import type { ReportedFinding } from '../analysis/analyze-plan.js';
import { ruleDocsHref } from '../service/diagnostics.js';
import { oneBasedRegion, type FileReport, type OneBasedRegion } from './check-report.js';
import { CRMPLAN_VERSION } from '../shared/version.js';

// SARIF 2.1.0 (OASIS), the subset crmplan writes. GitHub code scanning reads
// rules' short/full descriptions and help, results' locations and
// partialFingerprints; Microsoft's SARIF Multitool validates it in
// test/cli/sarif.test.ts.

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifMessage {
  readonly text: string;
  readonly markdown?: string;
}

interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: SarifMessage;
  readonly fullDescription: SarifMessage;
  readonly helpUri: string;
  readonly help: SarifMessage;
  readonly defaultConfiguration: { readonly level: SarifLevel };
}

interface SarifArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: SarifMessage;
  readonly locations: readonly [{ readonly physicalLocation: { readonly artifactLocation: SarifArtifactLocation; readonly region: OneBasedRegion } }];
  readonly partialFingerprints: Readonly<Record<string, string>>;
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly [
    {
      readonly tool: {
        readonly driver: {
          readonly name: string;
          readonly version: string;
          readonly semanticVersion: string;
          readonly informationUri: string;
          readonly rules: readonly SarifRule[];
        };
      };
      readonly originalUriBaseIds: Readonly<Record<string, { readonly uri: string }>>;
      readonly columnKind: 'utf16CodeUnits';
      readonly results: readonly SarifResult[];
    },
  ];
}

export interface SarifOptions {
  /** The working folder: result paths are relative to it, through `%SRCROOT%`. */
  readonly cwd: string;
  /**
   * Where readers of the SARIF open the rule pages, an http(s) URL ending in `/`:
   * each rule's `helpUri` is `<base><rule>.md`. Default in the CLI: {@link defaultSarifDocsBase}.
   */
  readonly ruleDocsBase: string;
  /**
   * Whether each rule's page (crmplan's own docs/rules/, when it is there) goes into the
   * SARIF as its help markdown, with its relative links made absolute under `ruleDocsBase`.
   * Default: true.
   */
  readonly embedRulePages?: boolean;
}

interface PackageManifest {
  readonly name?: unknown;
  readonly repository?: unknown;
}

/** The folder of crmplan's own package.json: the nearest one above `start` named crmplan. */
export function crmplanPackageRoot(start: string = __dirname): string | undefined {
  for (let folder = start; ; folder = path.dirname(folder)) {
    const manifest = readManifest(path.join(folder, 'package.json'));
    if (manifest?.name === 'crmplan') return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

function readManifest(file: string): PackageManifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PackageManifest;
  } catch {
    return undefined;
  }
}

/**
 * Where the rule pages are published: `<repository>/blob/main/docs/rules/`, from the
 * `repository` of crmplan's package.json (the one place to change it). Undefined when that
 * package.json or its http(s) repository URL cannot be found.
 */
export function defaultSarifDocsBase(root: string | undefined = crmplanPackageRoot()): string | undefined {
  if (root === undefined) return undefined;
  const repository = readManifest(path.join(root, 'package.json'))?.repository;
  const url = typeof repository === 'string' ? repository : isRecord(repository) ? repository['url'] : undefined;
  if (typeof url !== 'string') return undefined;
  const web = url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  return /^https?:\/\//.test(web) ? `${web}/blob/main/docs/rules/` : undefined;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';
/** Versioned, so a better fingerprint can be introduced later without matching old ones wrongly. */
export const FINGERPRINT_KEY = 'crmplanFinding/v1';

const SARIF_LEVEL: Record<Severity, SarifLevel> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

export function formatSarif(reports: readonly FileReport[], options: SarifOptions): string {
  const ruleIndex = new Map(ALL_RULES.map((rule, index) => [rule.name, index]));
  const results = reports.flatMap((report) => {
    const location = artifactLocation(report.path);
    const fingerprints = findingFingerprints(report.path, report.findings);
    return report.findings.map(
      (finding, index): SarifResult => ({
        ruleId: finding.rule,
        ruleIndex: ruleIndex.get(finding.rule) ?? -1,
        level: SARIF_LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: oneBasedRegion(report.document, finding.span) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[index]! },
      }),
    );
  });
  const pagesRoot = options.embedRulePages === false ? undefined : crmplanPackageRoot();
  const embedded = pagesRoot === undefined ? undefined : path.join(pagesRoot, 'docs', 'rules');
  const log: SarifLog = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'crmplan',
            version: CRMPLAN_VERSION,
            semanticVersion: CRMPLAN_VERSION,
            // The README sits two folders above the rule pages, wherever they are served from.
            informationUri: new URL('../../README.md', options.ruleDocsBase).href,
            rules: ALL_RULES.map((rule) => sarifRule(rule, options.ruleDocsBase, embedded)),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: folderUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(rule: Rule, ruleDocsBase: string, pagesFolder: string | undefined): SarifRule {
  const helpUri = ruleDocsHref(rule.name, ruleDocsBase);
  const shortDescription = sentence(rule.summary);
  const source = pagesFolder === undefined ? undefined : readRulePage(path.join(pagesFolder, `${rule.name}.md`));
  const page = source === undefined ? undefined : absoluteLinks(source, helpUri);
  const fullDescription = (page && sectionOf(page, 'What it finds')) ?? shortDescription;
  return {
    id: rule.name,
    name: ruleName(rule.name),
    shortDescription: { text: shortDescription },
    fullDescription: { text: fullDescription },
    helpUri,
    help: { text: `${fullDescription}\n\nSee ${helpUri}`, ...(page ? { markdown: page } : {}) },
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
  };
}

/** The rule's page, read from crmplan's own docs/rules/; without it, SARIF still names the page. */
function readRulePage(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The page with its relative links (`../sources.md#...`, `#how-to-fix`) resolved against
 * the page's own URL, so they work where the SARIF is read (a code-scanning alert).
 */
export function absoluteLinks(page: string, pageUrl: string): string {
  return page.replace(/\]\((?![a-z][a-z0-9+.-]*:|\/\/)([^)\s]+)\)/gi, (_link, target: string) => `](${new URL(target, pageUrl).href})`);
}

/** The text under `## heading`, up to the next heading. */
function sectionOf(page: string, heading: string): string | undefined {
  const lines = page.split(/\r?\n/);
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  const section = lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
  return section === '' ? undefined : section;
}

function sentence(text: string): string {
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

/**
 * `go-live-without-uat` -> `GoLiveWithoutUat`: SARIF rule names are
 * PascalCase identifiers, and must differ from the id in more than case
 * (the validator's SARIF1001), so `schema` becomes `SchemaProblem`.
 */
function ruleName(id: string): string {
  const name = id
    .split(/[^a-zA-Z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return name.toLowerCase() === id.toLowerCase() ? `${name}Problem` : name;
}

/** Relative paths go through `%SRCROOT%`; a plan outside the working folder keeps its absolute URI. */
function artifactLocation(displayedPath: string): SarifArtifactLocation {
  if (path.isAbsolute(displayedPath)) return { uri: pathToFileURL(displayedPath).href };
  return { uri: displayedPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * Fingerprints that survive unrelated edits: rule, file and what the finding
 * is about, never its line. What it is about is the quoted ids and values of
 * the message (`'kickoff'`), or, for messages that quote nothing, the
 * message with its numbers blanked (dates and percentages move with
 * unrelated edits). Identical findings are told apart by their order.
 */
export function findingFingerprints(file: string, findings: readonly ReportedFinding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const subject = findingSubject(finding.message);
    const key = JSON.stringify([finding.rule, file, subject]);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}#${occurrence}`).digest('hex').slice(0, 32);
  });
}

function findingSubject(message: string): string {
  // An opening quote follows no letter, so the apostrophe of "budget's" opens nothing.
  const quoted = [...message.matchAll(/(?<![\p{L}\p{N}])'([^']+)'(?![\p{L}\p{N}])/gu)].map((match) => match[1]!);
  return quoted.length > 0 ? quoted.join('\u0000') : message.replace(/\d+/g, '#');
}
