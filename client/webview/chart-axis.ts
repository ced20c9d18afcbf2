/**
 * The preview's date axis: which ticks fit at the chart's current size and
 * zoom (`axisTicks`, pure, unit-tested in test/preview/chart-axis.test.ts),
 * drawn by preview.ts as an HTML strip that stays at the top of the window
 * while the page scrolls (preview.css `.chart-axis`), and as grid lines in
 * the chart's background. Mermaid's own axis (monthly ticks at the bottom of
 * a chart that can be thousands of pixels tall) is hidden in the preview.
 */

/** From finest to coarsest: the first whose ticks are far enough apart is used. */
export const AXIS_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type AxisUnit = (typeof AXIS_UNITS)[number];

/**
 * The least distance between two ticks of a unit, in screen pixels, so that
 * their labels ("04", "Jan 04", "Mar", "Q2", "2027") do not touch.
 */
export const MIN_TICK_SPACING: Readonly<Record<AxisUnit, number>> = { day: 22, week: 48, month: 36, quarter: 32, year: 40 };

/** The usual length of one step of a unit in days (to compare with the spacing). */
const UNIT_DAYS: Readonly<Record<AxisUnit, number>> = { day: 1, week: 7, month: 30.4, quarter: 91.3, year: 365.2 };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface AxisTick {
  /** The ISO date the tick marks the start of. */
  readonly date: string;
  readonly label: string;
}

export interface AxisTicks {
  readonly unit: AxisUnit;
  /** One tick per unit step (every day, every Monday, every 1st of a month, ...). */
  readonly minor: readonly AxisTick[];
  /** The row above: months over days and weeks, years over months and quarters; empty for years. */
  readonly major: readonly AxisTick[];
}

/** The finest unit whose ticks are at least MIN_TICK_SPACING apart at `pixelsPerDay` (screen pixels). */
export function axisUnitFor(pixelsPerDay: number): AxisUnit {
  for (const unit of AXIS_UNITS) {
    if (pixelsPerDay * UNIT_DAYS[unit] >= MIN_TICK_SPACING[unit]) return unit;
  }
  return 'year';
}

/**
 * The ticks from `first` to `last` (ISO dates, both included) at
 * `pixelsPerDay` screen pixels per day. A major tick is also put at `first`
 * when it is not a major boundary itself, so the row above always names
 * where the chart starts. Undefined dates give no ticks.
 */
export function axisTicks(first: string, last: string, pixelsPerDay: number): AxisTicks {
  const unit = axisUnitFor(pixelsPerDay);
  const from = utcDay(first);
  const to = utcDay(last);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return { unit, minor: [], major: [] };
  const minor: AxisTick[] = [];
  const major: AxisTick[] = [];
  const majorUnit: AxisUnit | undefined = unit === 'day' || unit === 'week' ? 'month' : unit === 'year' ? undefined : 'year';
  for (let day = from; day <= to; day++) {
    const date = new Date(day * 86_400_000);
    if (startsUnit(date, unit)) minor.push({ date: isoOf(date), label: minorLabel(date, unit) });
    if (majorUnit && (startsUnit(date, majorUnit) || day === from)) major.push({ date: isoOf(date), label: majorLabel(date, majorUnit) });
  }
  return { unit, minor, major };
}

function startsUnit(date: Date, unit: AxisUnit): boolean {
  switch (unit) {
    case 'day':
      return true;
    case 'week':
      return date.getUTCDay() === 1;
    case 'month':
      return date.getUTCDate() === 1;
    case 'quarter':
      return date.getUTCDate() === 1 && date.getUTCMonth() % 3 === 0;
    case 'year':
      return date.getUTCDate() === 1 && date.getUTCMonth() === 0;
  }
}

function minorLabel(date: Date, unit: AxisUnit): string {
  const day = String(date.getUTCDate()).padStart(2, '0');
  const month = MONTHS[date.getUTCMonth()]!;
  switch (unit) {
    case 'day':
      return day;
    case 'week':
      return `${month} ${day}`;
    case 'month':
      return month;
    case 'quarter':
      return `Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
    case 'year':
      return String(date.getUTCFullYear());
  }
}

function majorLabel(date: Date, unit: AxisUnit): string {
  return unit === 'month' ? `${MONTHS[date.getUTCMonth()]!} ${date.getUTCFullYear()}` : String(date.getUTCFullYear());
}

/** Days since 1970-01-01 of an ISO date (calendar arithmetic only: no time zone). NaN for anything else. */
function utcDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return Number.NaN;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return isoOf(new Date(time)) === date ? time / 86_400_000 : Number.NaN;
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A tick placed on the chart: its label and its x in the SVG's units. */
export interface PlacedTick extends AxisTick {
  readonly x: number;
}

/** A flag in the axis for a date line (today, status date). */
export interface AxisFlag {
  readonly kind: string;
  readonly label: string;
  readonly x: number;
  /** Which of the flag's points is at its line. */
  readonly anchor: 'start' | 'middle' | 'end';
}

/**
 * Fills the axis strip: the inner track is as wide as the chart on screen
 * (`width` px) and holds the major row above the minor row; `zoom` turns
 * the SVG's units into pixels. The strip itself scrolls with the chart
 * sideways (preview.ts keeps its scrollLeft equal to the chart's).
 */
export function drawAxis(track: HTMLElement, minor: readonly PlacedTick[], major: readonly PlacedTick[], flags: readonly AxisFlag[], zoom: number, width: number): void {
  track.style.width = `${width}px`;
  const row = (className: string, ticks: readonly PlacedTick[]): HTMLElement => {
    const element = document.createElement('div');
    element.className = className;
    for (const tick of ticks) {
      const label = document.createElement('span');
      label.className = 'axis-tick';
      label.style.left = `${tick.x * zoom}px`;
      label.textContent = tick.label;
      label.dataset['date'] = tick.date;
      element.append(label);
    }
    return element;
  };
  const flagRow = document.createElement('div');
  flagRow.className = 'axis-flags';
  for (const flag of flags) {
    const element = document.createElement('span');
    element.className = `axis-flag axis-flag-${flag.kind} axis-flag-${flag.anchor}`;
    element.style.left = `${flag.x * zoom}px`;
    element.textContent = flag.label;
    flagRow.append(element);
  }
  track.replaceChildren(row('axis-major', major), row('axis-minor', minor), flagRow);
}
