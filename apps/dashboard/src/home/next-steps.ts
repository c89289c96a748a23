// The getting-started checklist of the home page, from what the team already has.
export interface Progress {
  datasets: number;
  datasetsWithVideos: number;
  modelVersions: number;
  evaluations: number;
}

export interface Step {
  title: string;
  href: string;
  done: boolean;
}

export function nextSteps(progress: Progress): Step[] {
  return [
    { title: 'Create a data set', href: '/datasets', done: progress.datasets > 0 },
    { title: 'Upload training and test videos with ground truth', href: '/datasets', done: progress.datasetsWithVideos > 0 },
    { title: 'Train a model', href: '/jobs/new?kind=train', done: progress.modelVersions > 0 },
    { title: 'Score the test videos and evaluate', href: '/jobs/new?kind=infer', done: progress.evaluations > 0 },
    { title: 'Compare on the leaderboard and inspect runs', href: '/leaderboard', done: false },
  ];
}
