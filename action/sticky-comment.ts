/**
 * One pull-request comment that the action keeps up to date: found by a
 * hidden HTML marker among the pull request's comments, edited (PATCH) when
 * it exists, created (POST) otherwise, through GitHub's REST API. The token
 * goes only into the Authorization header: no message here ever holds it.
 */
import { cutMarkdown } from './workflow-files.js';

/** The hidden first line of the action's comment; GitHub does not render HTML comments. */
export const COMMENT_MARKER = '<!-- crmplan-action: plan diff -->';
/** GitHub refuses a comment body longer than this (characters). */
export const COMMENT_BODY_LIMIT = 65_536;
/** Comments are listed 100 at a time; 50 pages is more than any pull request has. */
const PAGE_SIZE = 100;
const MAX_PAGES = 50;
const REQUEST_TIMEOUT_MS = 30_000;

export interface PullRequestTarget {
  /** `https://api.github.com`, or GitHub Enterprise Server's `https://HOST/api/v3`. */
  readonly apiUrl: string;
  /** `owner/name`. */
  readonly repository: string;
  readonly number: number;
  readonly token: string;
}

export type StickyResult =
  | { readonly action: 'created' | 'updated'; readonly id: number; readonly url: string | undefined }
  | { readonly action: 'skipped' };

/** An answer from the API that is not a success: its status and GitHub's own message. */
export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface IssueComment {
  readonly id: number;
  readonly body?: string | null;
  readonly html_url?: string;
}

/**
 * Writes `body` (which must start with COMMENT_MARKER) as the action's
 * comment: the comment already carrying the marker is edited; without one,
 * a comment is created only when `createIfMissing` (a pull request that
 * changes no plan gets no new comment, but an old one is still updated).
 */
export async function upsertStickyComment(target: PullRequestTarget, body: string, createIfMissing: boolean): Promise<StickyResult> {
  const existing = await findMarkedComment(target);
  if (existing !== undefined) {
    const updated = await request<IssueComment>(target, 'PATCH', `/repos/${target.repository}/issues/comments/${existing.id}`, { body });
    return { action: 'updated', id: updated.id, url: updated.html_url };
  }
  if (!createIfMissing) return { action: 'skipped' };
  const created = await request<IssueComment>(target, 'POST', `/repos/${target.repository}/issues/${target.number}/comments`, { body });
  return { action: 'created', id: created.id, url: created.html_url };
}

async function findMarkedComment(target: PullRequestTarget): Promise<IssueComment | undefined> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = await request<IssueComment[]>(target, 'GET', `/repos/${target.repository}/issues/${target.number}/comments?per_page=${PAGE_SIZE}&page=${page}`);
    if (!Array.isArray(comments)) throw new GitHubApiError(0, 'the list of comments is not a JSON array');
    const marked = comments.find((comment) => typeof comment.body === 'string' && comment.body.startsWith(COMMENT_MARKER));
    if (marked !== undefined) return marked;
    if (comments.length < PAGE_SIZE) return undefined;
  }
  return undefined;
}

async function request<T>(target: PullRequestTarget, method: 'GET' | 'POST' | 'PATCH', pathAndQuery: string, body?: unknown): Promise<T> {
  const response = await fetch(`${target.apiUrl}${pathAndQuery}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${target.token}`,
      'content-type': 'application/json',
      'user-agent': 'crmplan-action',
      'x-github-api-version': '2022-11-28',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new GitHubApiError(response.status, `${method} ${pathWithoutQuery(pathAndQuery)}: HTTP ${response.status}${githubMessage(text)}`);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new GitHubApiError(response.status, `${method} ${pathWithoutQuery(pathAndQuery)}: the answer is not JSON`);
  }
}

function pathWithoutQuery(pathAndQuery: string): string {
  return pathAndQuery.split('?')[0]!;
}

/** `: Resource not accessible by integration`, from GitHub's `{"message": ...}` error body. */
function githubMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    return typeof parsed.message === 'string' ? `: ${parsed.message.slice(0, 300)}` : '';
  } catch {
    return '';
  }
}

/**
 * The comment for a diff: the marker, then the markdown; a diff longer than
 * a comment may be is cut, with a pointer to the run's summary, which has
 * all of it.
 */
export function commentBody(markdown: string, runUrl: string | undefined): string {
  const note = `_The diff is longer than a comment can be: the rest is in the job summary${runUrl === undefined ? '' : ` of [this run](${runUrl})`}._`;
  return cutMarkdown(`${COMMENT_MARKER}\n${markdown}`, COMMENT_BODY_LIMIT, note);
}
