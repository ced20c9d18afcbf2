/**
 * Generates a realistic plan of N tasks for benchmarks: phases of 50 tasks,
 * each task depending on up to three earlier ones (FS, SS, lags), people
 * with assignments, objectives, risks and communications, so that every
 * rule has work to do. Deterministic for a given N.
 */
export function generatePlan(taskCount: number): string {
  let seed = taskCount;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const kinds = ['configuration', 'integration', 'training', 'reporting', 'customization', 'data-cleansing', 'data-backup', 'data-migration', 'data-validation', 'uat', 'pilot', 'other'];
  const peopleCount = Math.max(5, Math.floor(taskCount / 20));
  const lines: string[] = [
    'crmplan: 1',
    'plan:',
    `  name: Generated plan with ${taskCount} tasks`,
    '  start: 2027-01-04',
    '  sponsor: p0',
    '  manager: p1',
    '  calendar:',
    '    holidays: [2027-05-31, 2027-07-05, 2027-09-06, 2027-11-25, 2027-12-24]',
    '  budget: {currency: USD, total: 500000, contingency: 10%}',
    'people:',
  ];
  for (let person = 0; person < peopleCount; person++) {
    lines.push(`  - {id: p${person}, name: Person ${person}, role: ${person % 3 === 0 ? 'IT Developer' : 'Consultant'}, capacity: 40h/w}`);
  }
  lines.push(
    'objectives:',
    '  - id: adoption',
    '    statement: 85% of target users log in at least 3 times a week within 30 days of go-live',
    '    metric: weekly active users / target users',
    '    baseline: 0%',
    '    target: 85%',
    '    due: 30d after t0',
    '    owner: p1',
    'risks:',
    '  - {id: r1, title: Low adoption, likelihood: medium, impact: high, mitigation: Champions network, owner: p1}',
    'communications:',
    '  - {id: weekly, audience: Steering committee, purpose: Status, channel: Email, frequency: weekly, owner: p1}',
    'phases:',
  );
  for (let task = 0; task < taskCount; task++) {
    if (task % 50 === 0) {
      const phase = task / 50;
      lines.push(`  - id: phase-${phase}`, `    name: Phase ${phase}`, `    owner: p${phase % peopleCount}`);
      if (phase > 0) lines.push(`    depends_on: [phase-${phase - 1}]`);
      lines.push('    tasks:');
    }
    const firstInPhase = task - (task % 50);
    const dependencies: string[] = [];
    for (let link = 0; link < 3 && task > firstInPhase; link++) {
      const target = firstInPhase + Math.floor(random() * (task - firstInPhase));
      const roll = random();
      dependencies.push(roll < 0.6 ? `t${target}` : roll < 0.8 ? `{task: t${target}, lag: ${Math.floor(random() * 3) - 1}d}` : `{task: t${target}, type: SS, lag: 1d}`);
    }
    const kind = kinds[Math.floor(random() * kinds.length)];
    lines.push(
      `      - id: t${task}`,
      `        name: Task ${task}`,
      `        kind: ${kind}`,
      `        duration: ${1 + Math.floor(random() * 10)}d`,
      `        assign: [{person: p${Math.floor(random() * peopleCount)}, load: ${random() < 0.5 ? '50%' : '16h/w'}}]`,
    );
    if (dependencies.length > 0) lines.push(`        depends_on: [${[...new Set(dependencies)].join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}
