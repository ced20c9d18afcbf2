import { describe, expect, it } from 'vitest';
import { schedulePlanText, seededRandom } from '../schedule/schedule-test-support.js';
import { PersonBookings } from './schedule-rule-support.js';

/** A plan of people `a` and `b` with these task lines. */
function twoPeople(taskLines: readonly string[]): ReturnType<typeof schedulePlanText> {
  return schedulePlanText(`crmplan: 1
plan: {name: Bookings, start: 2027-01-04}
people: [{id: a}, {id: b}]
phases:
  - id: p
    tasks:
${taskLines.join('\n')}
`);
}

describe('PersonBookings.meeting', () => {
  it('finds exactly the bookings whose days meet the window, long and short ones alike', () => {
    const random = seededRandom(5);
    const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
    for (let round = 0; round < 10; round++) {
      const tasks = Array.from(
        { length: 40 },
        (_, index) =>
          `      - {id: t${index}, duration: ${random() < 0.1 ? int(20, 60) : int(0, 5)}d, start: 2027-01-${String(int(4, 28)).padStart(2, '0')}, assign: [{person: ${random() < 0.5 ? 'a' : 'b'}}]}`,
      );
      const { model, schedule } = twoPeople(tasks);
      const bookings = new PersonBookings(model, schedule);
      for (let window = 0; window < 50; window++) {
        const firstDay = int(-5, 70);
        const lastDay = firstDay + int(0, 10);
        for (const [personIndex, personId] of ['a', 'b'].entries()) {
          const expected = model.tasks.flatMap((task, taskIndex) => {
            const scheduled = schedule.tasks[taskIndex]!;
            const books = task.assign.some((assignment) => assignment.person.id === personId);
            return books && scheduled.e > scheduled.s && scheduled.s <= lastDay && scheduled.e > firstDay ? [taskIndex] : [];
          });
          const met = bookings.meeting(personIndex, firstDay, lastDay).map((booking) => booking.taskIndex);
          expect(met.sort((x, y) => x - y), `round ${round}, ${personId} ${firstDay}..${lastDay}`).toEqual(expected);
        }
      }
    }
  });

  it('keeps only the people it is asked for', () => {
    const { model, schedule } = twoPeople(['      - {id: t, duration: 2d, assign: [{person: a}, {person: b}]}']);
    const bookings = new PersonBookings(model, schedule, new Set([1]));
    expect(bookings.meeting(0, 0, 5)).toEqual([]);
    expect(bookings.meeting(1, 0, 5).map((booking) => booking.taskIndex)).toEqual([0]);
  });
});
