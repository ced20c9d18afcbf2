import { isAlias, isMap, isNode, isPair, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Reads a parsed YAML document as the plain JSON value the plan schema
 * validates, instead of `doc.toJS()`. toJS throws past ~100 alias uses
 * (which switched the schema check off), prints a Node warning for a
 * collection used as a key, and rebuilds the whole value on every keystroke.
 * This reader never throws and never prints: what it cannot read it reports
 * as a {@link DocumentValueProblem} and replaces with a stand-in, so the rest
 * of the plan is still checked.
 *
 * For ordinary plans the value equals `doc.toJS()`. Differences, all outside
 * ordinary plans: collection tags (`!!set`, `!!omap`) are ignored, so the
 * schema sees the map or list as written rather than a JS Set or Map it cannot
 * look into; `<<` is an ordinary key (plans are read as YAML 1.2, which has no
 * merge keys); and the problems below get stand-ins where toJS would throw or
 * stringify.
 */

/** At most this many alias uses are expanded in one document. */
export const MAX_ALIAS_EXPANSIONS = 1_000;

/**
 * At most this many nodes in all are read through aliases: an alias counts
 * the whole value it expands to, nested aliases included, so a "billion
 * laughs" document is stopped after a few thousand nodes instead of a billion.
 */
export const MAX_ALIAS_EXPANDED_NODES = 10_000;

/**
 * The stand-in for an alias that is not read (past a limit, recursive, or
 * without an anchor). One frozen empty mapping: the schema rejects it where a
 * value is required, and a schema error whose value is this object is about
 * the alias, whose own finding already says why it was not read.
 */
export const UNREAD_ALIAS: Readonly<Record<string, never>> = Object.freeze({});

export type DocumentValueProblem =
  /** The first alias past {@link MAX_ALIAS_EXPANSIONS} or {@link MAX_ALIAS_EXPANDED_NODES}; it and every later alias are not read. */
  | { readonly kind: 'alias-limit'; readonly alias: Alias; readonly limit: 'expansions' | 'nodes' }
  /** An alias inside the node its anchor names: its value would never end. */
  | { readonly kind: 'recursive-alias'; readonly alias: Alias }
  /** An alias with no anchor of its name before it. */
  | { readonly kind: 'unresolved-alias'; readonly alias: Alias }
  /** A key that is not plain text: a mapping, a list, or a tagged non-text value (`!!timestamp`). */
  | { readonly kind: 'complex-key'; readonly key: Node };

export interface DocumentValue {
  /** `null` for a document without contents, like toJS. Shared between conversions: never mutate it. */
  readonly value: unknown;
  readonly problems: readonly DocumentValueProblem[];
  /**
   * The keys made up for complex keys, by the object that holds them. Each is
   * unlike every real key of its object, so the rest of that object is still
   * checked; schema errors about a made-up key are the complex key's.
   */
  readonly syntheticKeys: ReadonlyMap<object, ReadonlySet<string>>;
}

/**
 * The values of block collections that take no part in aliasing (no anchor,
 * no alias and no complex key anywhere inside), by node. Such a value depends
 * only on the node's own contents, so it is valid for as long as the node
 * lives: the incremental parser keeps untouched nodes (only shifting their
 * offsets, which do not matter here) and copies every ancestor of a change,
 * so an edit re-reads just the changed item and its ancestors. Flow
 * collections (`{person: pm, load: 50%}`, `[a, b]`) are left out: they are
 * one-line leaves, cheaper to read again than to keep an entry for (a
 * weak-map entry costs on every garbage collection too), and the block
 * collection that holds them is cached with them inside.
 */
const pureCollectionValues = new WeakMap<YAMLMap | YAMLSeq, unknown>();

/** The whole result per document, so every rule that needs it reads a document once. */
const documentValues = new WeakMap<Document, DocumentValue>();

export function documentValue(doc: Document): DocumentValue {
  let result = documentValues.get(doc);
  if (!result) {
    result = new DocumentReader().read(doc.contents);
    documentValues.set(doc, result);
  }
  return result;
}

type Collection = YAMLMap | YAMLSeq;

/** One conversion of one document, in document order (an alias refers to the last anchor of its name before it). */
class DocumentReader {
  private readonly problems: DocumentValueProblem[] = [];
  private readonly syntheticKeys = new Map<object, Set<string>>();
  /** The node each anchor name stands for at this point of the document. */
  private readonly anchors = new Map<string, Node>();
  private readonly anchorValues = new Map<Node, unknown>();
  /** Anchored collections being read: an alias to one of them is inside it. */
  private readonly openAnchors = new Set<Node>();
  /** The aliases that were expanded, with their target, for counting nested expansions. */
  private readonly expandedTargets = new Map<Alias, Node>();
  private readonly expandedSizes = new Map<unknown, number>();
  private expansions = 0;
  private expandedNodes = 0;
  private stopped = false;
  /**
   * Grows whenever an anchor, alias or complex key is read: a collection is
   * pure (cacheable) when it did not grow while reading it.
   */
  private impurities = 0;

  read(contents: unknown): DocumentValue {
    const value = this.readNode(contents);
    return { value, problems: this.problems, syntheticKeys: this.syntheticKeys };
  }

  private readNode(node: unknown): unknown {
    if (isScalar(node)) {
      // toJS keeps scalar values as they are; JSON has no undefined.
      const value: unknown = node.value ?? null;
      if (node.anchor) this.defineAnchor(node.anchor, node, value);
      return value;
    }
    if (isMap(node) || isSeq(node)) return this.readCollection(node);
    if (isAlias(node)) {
      this.impurities++;
      return this.readAlias(node);
    }
    // A pair directly in a list (`!!pairs`) reads as a one-key mapping, as in toJS.
    if (isPair(node)) return this.readPairs([node]);
    return null;
  }

  private readCollection(node: Collection): unknown {
    const cacheable = !node.flow;
    const cached = cacheable ? pureCollectionValues.get(node) : undefined;
    if (cached !== undefined) return cached;
    const impuritiesBefore = this.impurities;
    if (node.anchor) {
      this.impurities++;
      this.anchors.set(node.anchor, node);
      this.openAnchors.add(node);
    }
    const value = isMap(node) ? this.readPairs(node.items) : this.readItems(node.items);
    if (node.anchor) {
      this.openAnchors.delete(node);
      this.anchorValues.set(node, value);
    }
    if (cacheable && this.impurities === impuritiesBefore) pureCollectionValues.set(node, value);
    return value;
  }

  private readPairs(pairs: readonly Pair[]): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    let unnamed: unknown[] | undefined;
    for (const pair of pairs) {
      const keyNode = pair.key;
      // Nearly every key: plain text without an anchor.
      if (isScalar(keyNode) && typeof keyNode.value === 'string' && !keyNode.anchor) {
        setOwn(object, keyNode.value, this.readNode(pair.value));
        continue;
      }
      const key = this.readNode(keyNode);
      const value = this.readNode(pair.value);
      if (key === null || typeof key !== 'object') {
        setOwn(object, key === null ? '' : String(key), value);
        continue;
      }
      this.impurities++;
      // An alias key that was not read is its alias's problem, not a second one.
      if (key !== UNREAD_ALIAS && isNode(keyNode)) this.problems.push({ kind: 'complex-key', key: keyNode });
      (unnamed ??= []).push(value);
    }
    // Named last, when every real key of the object is known, so no made-up key equals one.
    if (unnamed) {
      const names = new Set<string>();
      unnamed.forEach((value, index) => {
        let name = `<key ${index + 1} that is not text>`;
        while (Object.hasOwn(object, name)) name = `<${name}>`;
        setOwn(object, name, value);
        names.add(name);
      });
      this.syntheticKeys.set(object, names);
    }
    return object;
  }

  private readItems(items: readonly unknown[]): unknown[] {
    const array: unknown[] = [];
    for (const item of items) array.push(this.readNode(item));
    return array;
  }

  private defineAnchor(name: string, node: Node, value: unknown): void {
    this.impurities++;
    this.anchors.set(name, node);
    this.anchorValues.set(node, value);
  }

  private readAlias(alias: Alias): unknown {
    const target = this.anchors.get(alias.source);
    if (!target) {
      this.problems.push({ kind: 'unresolved-alias', alias });
      return UNREAD_ALIAS;
    }
    if (this.openAnchors.has(target)) {
      this.problems.push({ kind: 'recursive-alias', alias });
      return UNREAD_ALIAS;
    }
    if (this.stopped) return UNREAD_ALIAS;
    const size = this.expandedSize(target);
    this.expansions++;
    const limit =
      this.expansions > MAX_ALIAS_EXPANSIONS ? 'expansions' : this.expandedNodes + size > MAX_ALIAS_EXPANDED_NODES ? 'nodes' : undefined;
    if (limit) {
      this.stopped = true;
      this.problems.push({ kind: 'alias-limit', alias, limit });
      return UNREAD_ALIAS;
    }
    this.expandedNodes += size;
    this.expandedTargets.set(alias, target);
    // Shared, like toJS: the value is built once however often it is used.
    return this.anchorValues.get(target);
  }

  /** How many nodes a reader of the value meets below (and at) `node`, every expanded alias counted as its whole value. */
  private expandedSize(node: unknown): number {
    if (node === null || typeof node !== 'object' || isScalar(node)) return 1;
    const known = this.expandedSizes.get(node);
    if (known !== undefined) return known;
    let size = 1;
    if (isAlias(node)) {
      const target = this.expandedTargets.get(node);
      size = target ? this.expandedSize(target) : 1;
    } else if (isPair(node)) {
      size = this.expandedSize(node.key) + this.expandedSize(node.value);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) size += this.expandedSize(item);
    }
    this.expandedSizes.set(node, size);
    return size;
  }
}

/** Sets an own property, `__proto__` included (assigning it would set the prototype), as toJS does. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}
