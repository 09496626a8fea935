import { describe, expect, it } from 'vitest';
import { convergedScreen, convergeLines } from '../../../src/netsim/format/service-progress';

const ID = 'xhpqt5y5xz912gr16dzp5ndjy';

// docker/cli cli/command/service/progress/progress.go (replicatedProgressUpdater, the verify
// messages) as moby's client/pkg/jsonmessage displays them; progress_test.go expects the task's
// Action "running  " (padded to the longest state, 9) with Current 9 of Total 9.
describe('service convergence progress', () => {
  it('leaves the last message of each ID on its line at a terminal: text, a space, and no bar at 80 columns', () => {
    expect(convergedScreen({ serviceId: ID, replicas: 1, terminal: true, columns: 80 })).toBe(
      `overall progress: 1 out of 1 tasks \n1/1: running   \nverify: Service ${ID} converged \n`,
    );
  });

  it('draws the full bar past 110 columns (RenderTUIProgress: width > 110, 9 of 9 is 50 "=")', () => {
    const screen = convergedScreen({ serviceId: ID, replicas: 2, terminal: true, columns: 120 });
    expect(screen.split('\n')[1]).toBe(`1/2: running   [${'='.repeat(50)}>] `);
    expect(screen.split('\n')[2]).toBe(`2/2: running   [${'='.repeat(50)}>] `);
  });

  it('draws no task lines past maxProgressBars (20)', () => {
    expect(convergedScreen({ serviceId: ID, replicas: 21, terminal: true, columns: 80 })).toBe(
      `overall progress: 21 out of 21 tasks \nverify: Service ${ID} converged \n`,
    );
  });

  it('into a pipe prints each message without a count on a line of its own, and the countdown at each 200 ms poll', () => {
    const lines = convergeLines({ serviceId: ID, replicas: 2, terminal: false, columns: 80 }).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'overall progress: 0 out of 2 tasks',
      '1/2:  ',
      '2/2:  ',
      'overall progress: 2 out of 2 tasks',
    ]);
    const countdown = lines.filter((line) => line.startsWith('verify: Waiting'));
    expect(countdown).toHaveLength(25);
    expect(countdown[0]).toBe('verify: Waiting 5 seconds to verify that tasks are stable...');
    expect(countdown[24]).toBe('verify: Waiting 1 seconds to verify that tasks are stable...');
    expect(lines.at(-2)).toBe(`verify: Service ${ID} converged`);
  });
});
