// What the training form suggests: the preset that suits the workers that will train (the paper's schedule on a
// GPU, the short one on CPU cores; the one named after the data set when there is one), and how long it will
// take, from the speed measured on the team's earlier trainings with that preset.
export interface PresetChoice {
  name: string;
  intendedFor: string;
  teacherEpochs: number;
  studentEpochs: number;
  measuredSpeed?: { teacherFramesPerSecond?: number | null; studentFramesPerSecond?: number | null; trainings: number } | null;
}

export interface WorkerChoice {
  device: string;
  kinds: readonly string[];
  count: number;
}

/** gpu when a running worker that trains has one, cpu otherwise (also when none runs: the job waits for one). */
export function trainingDevice(workers: readonly WorkerChoice[]): 'gpu' | 'cpu' {
  return workers.some((w) => w.device === 'gpu' && w.kinds.includes('TRAIN')) ? 'gpu' : 'cpu';
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

export function suggestPreset(presets: readonly PresetChoice[], workers: readonly WorkerChoice[], datasetName: string): string {
  const device = trainingDevice(workers);
  const suited = presets.filter((p) => p.intendedFor === device);
  const dataset = squash(datasetName);
  // paper-ped2, cpu-ped2: the part after the hardware prefix names the data set the preset is sized for
  const named = suited.find((p) => {
    const target = squash(p.name.replace(/^[a-z]+-/, ''));
    return target.length > 0 && dataset.includes(target);
  });
  return (named ?? suited[0] ?? presets[0])?.name ?? '';
}

export interface TrainingEstimate {
  seconds: number;
  /** True when the student stage had no measurement and is taken to be as slow as the teacher's. */
  studentAssumed: boolean;
}

/** Seconds for `trainFrames` per epoch over the epochs asked for; null without a measured teacher speed. */
export function estimateTraining(
  preset: PresetChoice,
  epochs: { teacher?: number; student?: number },
  trainFrames: number | undefined,
): TrainingEstimate | null {
  const teacherRate = preset.measuredSpeed?.teacherFramesPerSecond;
  if (!teacherRate || !trainFrames) return null;
  const studentRate = preset.measuredSpeed?.studentFramesPerSecond;
  const teacherEpochs = epochs.teacher ?? preset.teacherEpochs;
  const studentEpochs = epochs.student ?? preset.studentEpochs;
  return {
    seconds: (teacherEpochs * trainFrames) / teacherRate + (studentEpochs * trainFrames) / (studentRate || teacherRate),
    studentAssumed: !studentRate && studentEpochs > 0,
  };
}
