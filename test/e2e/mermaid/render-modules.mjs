// The product code the Mermaid render check needs in Node, as one esbuild entry (render-check.mjs
// bundles it with bench/bundle.mjs, as the product is bundled; Node never runs this file as it is).
export { analyzePlan } from '../../../server/src/analysis/analyze-plan.ts';
export { buildTimeline } from '../../../server/src/render/timeline-model.ts';
export { ganttMermaid, phaseKeysToCollapse, HIGHLIGHT_MARKER } from '../../../server/src/render/gantt-mermaid.ts';
export { generatePlan } from '../../../bench/generate-plan.ts';
