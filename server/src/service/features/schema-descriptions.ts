import type { Span } from '../../model/types.js';
import type { CursorLocation } from '../locate.js';
import { propertyOf, type PathSegment, type ResolvedSchema } from '../schema-view.js';

/**
 * What the JSON Schema says about the key under the cursor, from the one
 * schema view (schema-view.ts) along the key's place that locate() found:
 * `$ref`, `allOf` and `if`/`then`/`else` decided on the mapping actually
 * written, so the text is the one for that key at that place (`start` under
 * `plan` is the project's start, under a task it is "start no earlier
 * than").
 */

export interface KeyDescription {
  /** The key as written. */
  readonly key: string;
  /** The key scalar. */
  readonly span: Span;
  /** The keys and indexes from the root to the mapping holding the key. */
  readonly path: readonly PathSegment[];
  /** The schema of the key's property: the node completion offers the key from. */
  readonly schema: ResolvedSchema;
  /** `title` of the key's schema (after `$ref`), when there is one. */
  readonly title?: string;
  /** The key's markdownDescription (or description) at that place. */
  readonly markdown: string;
  /**
   * Descriptions that apply because of a condition on the mapping, e.g. a
   * task's `duration` when the task is a milestone.
   */
  readonly conditional: readonly string[];
}

/** The description of the mapping key under the cursor, if the schema describes it there. */
export function keyDescription(location: CursorLocation): KeyDescription | undefined {
  const { key } = location;
  if (location.on !== 'key' || !key) return undefined;
  const path = location.path.slice(0, -1);
  // The holder's schema, decided on the mapping that holds the key, names the property's conditional texts.
  const holder = location.holderSchema;
  const property = holder ? propertyOf(holder, key.name) : undefined;
  if (!property) return undefined;
  const [main, ...others] = property.schema.description !== undefined ? [property.schema.description, ...property.conditional] : property.conditional;
  if (main === undefined) return undefined;
  const title = property.schema.node.title ?? property.schema.outer.title;
  return {
    key: key.name,
    span: key.span,
    path,
    schema: property.schema,
    ...(title !== undefined ? { title } : {}),
    markdown: main,
    conditional: others,
  };
}
