import { nextSteps } from './next-steps';

describe('nextSteps', () => {
  it('marks nothing done for a new team', () => {
    expect(nextSteps({ datasets: 0, datasetsWithVideos: 0, modelVersions: 0, evaluations: 0 }).filter((s) => s.done)).toEqual([]);
  });

  it('marks what the team has already done', () => {
    const steps = nextSteps({ datasets: 1, datasetsWithVideos: 1, modelVersions: 2, evaluations: 0 });
    expect(steps.map((s) => s.done)).toEqual([true, true, true, false, false]);
  });
});
