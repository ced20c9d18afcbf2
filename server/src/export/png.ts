import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { PlanAnalysis } from '../analysis/analyze-plan.js';
import type { ExportFormat, ExportRequest, ExportResult } from './export-format.js';
import { PICTURE_OPTIONS, timelinePicture } from './svg.js';

/**
 * The SVG export's picture as PNG, rasterised by resvg (a Rust SVG renderer,
 * as WebAssembly so the package needs no native module) with the DejaVu Sans
 * font that ships next to the bundle: the picture is the same on every
 * machine, fonts installed or not. A very large picture is scaled down to at
 * most MAX_PIXELS, so memory stays bounded.
 */

const MAX_PIXELS = 16_000_000;

/**
 * Where the bundle finds resvg's wasm and the fonts: next to it in dist/
 * (copied by scripts/build.mjs), or in node_modules when run from the
 * sources (tests).
 */
function asset(bundled: string, fromPackages: string): string {
  const besideBundle = path.join(__dirname, bundled);
  if (existsSync(besideBundle)) return besideBundle;
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'node_modules', fromPackages);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(folder) === folder) return besideBundle;
  }
}

let ready: Promise<Uint8Array[]> | undefined;

/** Loads the wasm and the fonts once per process. */
function prepareRenderer(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    await initWasm(readFileSync(asset('resvg.wasm', '@resvg/resvg-wasm/index_bg.wasm')));
    return [
      readFileSync(asset('fonts/DejaVuSans.ttf', 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
      readFileSync(asset('fonts/DejaVuSans-Bold.ttf', 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    ];
  })();
  return ready;
}

let fonts: Uint8Array[] | undefined;

export const pngFormat: ExportFormat = {
  name: 'png',
  description: 'the SVG export rasterised to a PNG image (for slides, wikis and e-mail)',
  extension: 'png',
  binary: true,
  options: PICTURE_OPTIONS,
  async prepare(): Promise<void> {
    fonts = await prepareRenderer();
  },
  run(analysis: PlanAnalysis, request: ExportRequest): ExportResult {
    if (!fonts) throw new Error('pngFormat.prepare() must finish before run()');
    const { picture, omitted } = timelinePicture(analysis, request);
    if (!picture) return { content: new Uint8Array(), omitted };
    // Rounded down so that the rounded-up pixel size stays under the limit.
    const zoom = Math.min(1, Math.floor(Math.sqrt(MAX_PIXELS / (picture.width * picture.height)) * 100) / 100);
    if (zoom < 1) omitted.push(`the picture is ${picture.width} x ${picture.height} pixels: scaled by ${zoom.toFixed(2)} to stay under ${MAX_PIXELS / 1_000_000} million pixels`);
    const renderer = new Resvg(picture.svg, {
      font: { fontBuffers: fonts, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
      fitTo: { mode: 'zoom', value: zoom },
      background: '#ffffff',
    });
    try {
      const image = renderer.render();
      try {
        return { content: image.asPng(), omitted };
      } finally {
        image.free();
      }
    } finally {
      renderer.free();
    }
  },
};
