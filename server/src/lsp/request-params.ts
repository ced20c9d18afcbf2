/**
 * Checks a request's params before a handler reads them, so that a
 * malformed request (a client bug, or a fuzzer) gets `InvalidParams` with
 * a message that says what is wrong, never an internal error from deep in a
 * feature. Out-of-range positions are not malformed: the service clamps
 * them to the document.
 */

/** What a request's params must hold besides `textDocument.uri`. */
export interface ParamsShape {
  readonly position?: boolean;
  readonly range?: boolean;
  readonly positions?: boolean;
  readonly newName?: boolean;
  /** `context.includeDeclaration` (references) or `context.diagnostics` (code actions). */
  readonly context?: 'references' | 'codeAction';
}

/** Why `params` do not fit `shape`, or undefined when they do. */
export function invalidParams(method: string, params: unknown, shape: ParamsShape): string | undefined {
  if (!isRecord(params)) return `${method}: params must be an object`;
  const textDocument = params['textDocument'];
  if (!isRecord(textDocument) || typeof textDocument['uri'] !== 'string') return `${method}: textDocument.uri must be a string`;
  if (shape.position && !isPosition(params['position'])) return `${method}: position must be {line, character} with whole numbers from 0`;
  if (shape.range && !isRange(params['range'])) return `${method}: range must be {start, end} positions with whole numbers from 0`;
  if (shape.positions) {
    const positions = params['positions'];
    if (!Array.isArray(positions) || !positions.every(isPosition)) return `${method}: positions must be a list of {line, character}`;
  }
  if (shape.newName && typeof params['newName'] !== 'string') return `${method}: newName must be a string`;
  const context = params['context'];
  if (shape.context === 'references' && (!isRecord(context) || typeof context['includeDeclaration'] !== 'boolean')) {
    return `${method}: context.includeDeclaration must be true or false`;
  }
  if (shape.context === 'codeAction' && (!isRecord(context) || !Array.isArray(context['diagnostics']))) {
    return `${method}: context.diagnostics must be a list`;
  }
  return undefined;
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && isIndex(value['line']) && isIndex(value['character']);
}

function isRange(value: unknown): boolean {
  return isRecord(value) && isPosition(value['start']) && isPosition(value['end']);
}

function isIndex(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
