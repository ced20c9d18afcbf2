import type { StatusDate } from '../schedule/progress.js';

/** How a message names the status date: "the status date 2027-03-01", or "today (2027-03-01)" in the editor. */
export function statusDateText(status: StatusDate): string {
  return status.source === 'today' ? `today (${status.date})` : `the status date ${status.date}`;
}
