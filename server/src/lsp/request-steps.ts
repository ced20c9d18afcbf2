import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, StepCheck } from '../service/language-service.js';

/**
 * Long requests (references or rename over a large plan that is not
 * analysed yet, code actions, the timeline) run in steps: between them the
 * event loop is handed over, so that a `$/cancelRequest` that arrived is
 * read, and a cancelled request stops there and answers RequestCancelled.
 * A `$/cancelRequest` read before the request was dispatched cancels the
 * token at once (vscode-jsonrpc keeps such ids), so even a short request
 * that was cancelled while it waited in the queue answers RequestCancelled.
 */

/** Work shorter than this runs on without handing the event loop over (each hand-over costs about a millisecond). */
const REQUEST_STEP_YIELD_MS = 8;

export function requestCancelled(method: string): ResponseError {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `${method}: the request was cancelled`);
}

/** The text changed while the request waited between its steps: its positions refer to a text that is gone. */
export function contentModified(method: string): ResponseError {
  return new ResponseError(LSPErrorCodes.ContentModified, `${method}: the document changed while the request ran`);
}

/** A step check for one request: hands over after a few milliseconds of work, and says stop once the request is cancelled. */
export function untilCancelled(token: CancellationToken): StepCheck {
  let since = performance.now();
  return async () => {
    if (token.isCancellationRequested) return false;
    if (performance.now() - since < REQUEST_STEP_YIELD_MS) return true;
    // A timer, not setImmediate: the JSON-RPC reader hands messages on with setImmediate after reading them.
    await new Promise((resolve) => setTimeout(resolve, 0));
    since = performance.now();
    return !token.isCancellationRequested;
  };
}

/** What a request needs: the service that analyses, and the documents whose versions it compares. */
export interface RequestContext {
  readonly service: LanguageService;
  readonly documents: { get(uri: string): TextDocument | undefined };
}

/**
 * Answers one request in steps: the analysis it reads (in steps, when it
 * is not ready), then `work`; cancelled between any two of them.
 */
export async function answerInSteps<R>(
  context: RequestContext,
  method: string,
  document: TextDocument,
  token: CancellationToken,
  work: () => R,
): Promise<R | ResponseError> {
  if (token.isCancellationRequested) return requestCancelled(method);
  // The document changes in place: compare with the version it had when asked.
  const version = document.version;
  const next = untilCancelled(token);
  if (!(await context.service.prepareInSteps(document, next))) return requestCancelled(method);
  if (context.documents.get(document.uri)?.version !== version) return contentModified(method);
  const result = work();
  return (await next()) ? result : requestCancelled(method);
}
