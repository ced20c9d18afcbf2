import type { WorkEdge } from '../model/work-graph.js';

/** A scheduled node's working-day range [s, e). */
export interface NodeDates {
  readonly s: number;
  readonly e: number;
}

/**
 * The forward-pass step for one task: the largest of 0, its `start`
 * bound and the bound each dependency sets (FS: predecessor's e + lag; SS:
 * predecessor's s + lag). Edges to cyclic or unscheduled nodes (an empty
 * phase) impose nothing. Shared by the scheduler and by what-if checks that
 * re-schedule part of a plan, so both follow the same semantics.
 */
export function earliestTaskStart(
  edges: readonly WorkEdge[],
  cyclic: ReadonlySet<number>,
  datesOf: (node: number) => NodeDates | undefined,
  startBound: number | undefined,
  lagOf: (edge: WorkEdge) => number,
): { readonly s: number; readonly driver?: WorkEdge } {
  let s = 0;
  if (startBound !== undefined && startBound > s) s = startBound;
  let driver: WorkEdge | undefined;
  for (const edge of edges) {
    const dependency = edge.dependency;
    if (!dependency || cyclic.has(edge.to)) continue;
    const predecessor = datesOf(edge.to);
    if (!predecessor) continue;
    const bound = (dependency.type === 'SS' ? predecessor.s : predecessor.e) + lagOf(edge);
    if (bound > s) {
      s = bound;
      driver = edge;
    }
  }
  return { s, driver };
}

/** A phase spans its scheduled tasks; undefined when none is scheduled. */
export function phaseSpan(
  edges: readonly WorkEdge[],
  cyclic: ReadonlySet<number>,
  datesOf: (node: number) => NodeDates | undefined,
): NodeDates | undefined {
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  for (const edge of edges) {
    if (edge.via !== 'contains' || cyclic.has(edge.to)) continue;
    const member = datesOf(edge.to);
    if (!member) continue;
    s = Math.min(s, member.s);
    e = Math.max(e, member.e);
  }
  return s === Number.POSITIVE_INFINITY ? undefined : { s, e };
}
