import { estimateTraining, suggestPreset, trainingDevice } from './training-defaults';

const presets = [
  { name: 'paper-avenue', intendedFor: 'gpu', teacherEpochs: 100, studentEpochs: 40 },
  { name: 'paper-ped2', intendedFor: 'gpu', teacherEpochs: 100, studentEpochs: 40 },
  {
    name: 'cpu-ped2',
    intendedFor: 'cpu',
    teacherEpochs: 6,
    studentEpochs: 3,
    measuredSpeed: { teacherFramesPerSecond: 8, studentFramesPerSecond: 20, trainings: 2 },
  },
  { name: 'cpu-tiny', intendedFor: 'smoke-test', teacherEpochs: 2, studentEpochs: 1 },
];
const cpu = { device: 'cpu', kinds: ['IMPORT', 'TRAIN', 'INFER'], count: 1 };
const gpu = { device: 'gpu', kinds: ['TRAIN'], count: 1 };

describe('training defaults', () => {
  it('trains on the GPU when a running training worker has one, else on CPU cores', () => {
    expect(trainingDevice([cpu])).toBe('cpu');
    expect(trainingDevice([cpu, gpu])).toBe('gpu');
    expect(trainingDevice([{ ...gpu, kinds: ['INFER'] }])).toBe('cpu');
    expect(trainingDevice([])).toBe('cpu');
  });

  it('suggests the preset for that hardware, the one named after the data set first, never the smoke test', () => {
    expect(suggestPreset(presets, [cpu], 'UCSD Ped2')).toBe('cpu-ped2');
    expect(suggestPreset(presets, [cpu], 'street cameras')).toBe('cpu-ped2');
    expect(suggestPreset(presets, [gpu], 'ped2-mini')).toBe('paper-ped2');
    expect(suggestPreset(presets, [gpu], 'street cameras')).toBe('paper-avenue');
  });

  it('estimates the time from the measured speed of each stage, for the epochs asked', () => {
    // 6 × 2000 / 8 + 3 × 2000 / 20
    expect(estimateTraining(presets[2], {}, 2000)).toEqual({ seconds: 1800, studentAssumed: false });
    expect(estimateTraining(presets[2], { teacher: 1, student: 0 }, 2000)).toEqual({ seconds: 250, studentAssumed: false });
    expect(estimateTraining({ ...presets[2], measuredSpeed: { teacherFramesPerSecond: 8, trainings: 1 } }, {}, 2000)).toEqual({
      seconds: 2250,
      studentAssumed: true,
    });
  });

  it('gives no estimate without a measurement or a frame count', () => {
    expect(estimateTraining(presets[0], {}, 2000)).toBeNull();
    expect(estimateTraining(presets[2], {}, undefined)).toBeNull();
  });
});
