// Starting work: training (presets and advanced settings), inference, or evaluation of an inference job.
'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { readDatasetSummary } from '../datasets/dataset-summary';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState, InlineError } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { formatCount } from '../format/format-count';
import { formatDate } from '../format/format-date';
import { formatDuration } from '../format/format-duration';
import type { StartJobChoicesQuery } from '../graphql/generated/graphql';
import { useMutation } from '../graphql/use-mutation';
import { useQuery } from '../graphql/use-query';
import { StartEvaluationMutation, StartInferenceMutation, StartJobChoicesQuery as ChoicesQuery, StartTrainingMutation } from './start-job.operations';
import { estimateTraining, suggestPreset, trainingDevice } from './training-defaults';
import { trainingInput, type TrainingForm, type TrainingFormErrors } from './training-input';

export type StartKind = 'train' | 'infer' | 'evaluate';

export interface StartJobDefaults {
  kind: StartKind;
  datasetVersionId?: string;
  modelVersionId?: string;
  inferenceJobId?: string;
}

type Choices = StartJobChoicesQuery;

const HARDWARE: Record<string, string> = { gpu: 'GPU', cpu: 'CPU', 'smoke-test': 'wiring check only' };

const KINDS: { value: StartKind; label: string }[] = [
  { value: 'train', label: 'Train' },
  { value: 'infer', label: 'Inference' },
  { value: 'evaluate', label: 'Evaluate' },
];

export function StartJobScreen({ defaults }: { defaults: StartJobDefaults }) {
  const [kind, setKind] = useState<StartKind>(defaults.kind);
  const { data, error, loading, refetch } = useQuery(ChoicesQuery, {});
  return (
    <section>
      <div className="page-head">
        <div>
          <p className="small" style={{ margin: 0 }}>
            <Link href="/jobs">Jobs</Link> /
          </p>
          <h1>Start a job</h1>
        </div>
        <div className="segmented" role="group" aria-label="Kind of job">
          {KINDS.map((k) => (
            <button key={k.value} type="button" aria-pressed={kind === k.value} onClick={() => setKind(k.value)}>
              {k.label}
            </button>
          ))}
        </div>
      </div>
      {loading && <LoadingState label="choices" />}
      {error !== undefined && <ErrorState error={error} onRetry={refetch} />}
      {data && kind === 'train' && <TrainingFormView choices={data} defaults={defaults} />}
      {data && kind === 'infer' && <InferenceFormView choices={data} defaults={defaults} />}
      {data && kind === 'evaluate' && <EvaluationFormView choices={data} defaults={defaults} />}
    </section>
  );
}

function FieldError({ errors, field }: { errors: TrainingFormErrors; field: keyof TrainingForm }) {
  return errors[field] ? (
    <span className="bad small" role="alert">
      {errors[field]}
    </span>
  ) : null;
}

function TrainingFormView({ choices, defaults }: { choices: Choices; defaults: StartJobDefaults }) {
  const router = useRouter();
  const start = useMutation(StartTrainingMutation);
  const versions = choices.datasets.filter((d) => d.latestVersion);
  const initialVersionId = defaults.datasetVersionId ?? versions[0]?.latestVersion?.id ?? '';
  const datasetNameOf = (versionId: string) => versions.find((d) => d.latestVersion?.id === versionId)?.name ?? '';
  const suggested = (versionId: string) => suggestPreset(choices.modelPresets, choices.workers, datasetNameOf(versionId));
  // the preset follows the data set until the user picks one
  const [presetTouched, setPresetTouched] = useState(false);
  const [form, setForm] = useState<TrainingForm>({
    datasetVersionId: initialVersionId,
    modelName: 'sdmae',
    preset: suggested(initialVersionId),
    epochsTeacher: '',
    epochsStudent: '',
    batchSize: '',
    seed: '',
    overrides: '',
  });
  const [errors, setErrors] = useState<TrainingFormErrors>({});
  const set = (field: keyof TrainingForm) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    if (field === 'preset') setPresetTouched(true);
    setForm((f) => ({ ...f, [field]: value, ...(field === 'datasetVersionId' && !presetTouched ? { preset: suggested(value) } : {}) }));
  };

  if (versions.length === 0) {
    return (
      <EmptyState
        title="Nothing to train on yet"
        action={
          <Link className="button" href="/datasets">
            Go to data sets
          </Link>
        }
      >
        Training needs a data set with training videos. Create one and upload its videos first.
      </EmptyState>
    );
  }
  const preset = choices.modelPresets.find((p) => p.name === form.preset);
  const device = trainingDevice(choices.workers);
  const trainFrames = readDatasetSummary(versions.find((d) => d.latestVersion?.id === form.datasetVersionId)?.latestVersion?.summary).trainFrames;
  const epochsAsked = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : undefined);
  const estimate = preset
    ? estimateTraining(preset, { teacher: epochsAsked(form.epochsTeacher), student: epochsAsked(form.epochsStudent) }, trainFrames)
    : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = trainingInput(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const started = await start.mutate({ input: result.input });
    if (started) router.push(`/jobs/${started.startTraining.id}`);
  };
  return (
    <form className="card stack" onSubmit={submit} aria-label="Start training" noValidate>
      <div className="form-grid">
        <label>
          Data set
          <select value={form.datasetVersionId} onChange={set('datasetVersionId')}>
            {versions.map((d) => {
              const s = readDatasetSummary(d.latestVersion?.summary);
              return (
                <option key={d.id} value={d.latestVersion?.id}>
                  {d.name} v{d.latestVersion?.number} ({formatCount(s.trainVideos)} train videos)
                </option>
              );
            })}
          </select>
          <FieldError errors={errors} field="datasetVersionId" />
        </label>
        <label>
          Model name
          <input value={form.modelName} onChange={set('modelName')} />
          <FieldError errors={errors} field="modelName" />
        </label>
        <label>
          Preset
          <select value={form.preset} onChange={set('preset')}>
            {choices.modelPresets.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name} ({HARDWARE[p.intendedFor] ?? p.intendedFor})
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="preset" />
        </label>
      </div>
      <p className="small" data-testid="training-workers">
        {choices.workers.length === 0
          ? 'No worker is running: the job waits in the queue until one starts.'
          : `Trains on ${
              choices.workers
                .filter((w) => w.kinds.includes('TRAIN'))
                .map((w) => `${w.count} worker${w.count === 1 ? '' : 's'} with ${w.backend} (${w.device.toUpperCase()})`)
                .join(', ') || 'no worker that takes training jobs'
            }.`}{' '}
        {preset && preset.intendedFor !== device && (
          <span className="warn" role="note">
            {preset.name} is sized for {HARDWARE[preset.intendedFor] ?? preset.intendedFor}, not for the {device.toUpperCase()} these workers have.
          </span>
        )}
      </p>
      {preset && (
        <p className="muted small">
          {preset.description} · {formatCount(preset.parameterCount)} parameters · {preset.gflopsPerFrame.toFixed(2)} GFLOPs per frame · {preset.teacherEpochs}{' '}
          teacher + {preset.studentEpochs} student epochs, batch {preset.batchSize}
        </p>
      )}
      {preset && (
        <p className="small" data-testid="training-estimate">
          {estimate
            ? `Estimated training time: about ${formatDuration(estimate.seconds)} for ${formatCount(trainFrames ?? 0)} training frames per epoch, at the speed measured on ${preset.measuredSpeed?.trainings} earlier training${preset.measuredSpeed?.trainings === 1 ? '' : 's'} with ${preset.name}${estimate.studentAssumed ? ' (the student stage taken to be as slow as the teacher’s)' : ''}.`
            : `No training with ${preset.name} has been measured yet: the job’s page shows the time left from its first steps.`}
        </p>
      )}
      <details>
        <summary>Advanced settings</summary>
        <div className="form-grid" style={{ marginTop: '0.75rem' }}>
          <label>
            Teacher epochs
            <input
              inputMode="numeric"
              value={form.epochsTeacher}
              onChange={set('epochsTeacher')}
              placeholder={preset ? `${preset.teacherEpochs} (preset)` : ''}
            />
            <FieldError errors={errors} field="epochsTeacher" />
          </label>
          <label>
            Student epochs
            <input
              inputMode="numeric"
              value={form.epochsStudent}
              onChange={set('epochsStudent')}
              placeholder={preset ? `${preset.studentEpochs} (preset)` : ''}
            />
            <FieldError errors={errors} field="epochsStudent" />
          </label>
          <label>
            Batch size
            <input inputMode="numeric" value={form.batchSize} onChange={set('batchSize')} placeholder={preset ? `${preset.batchSize} (preset)` : ''} />
            <FieldError errors={errors} field="batchSize" />
          </label>
          <label>
            Seed
            <input inputMode="numeric" value={form.seed} onChange={set('seed')} placeholder="0 (default)" />
            <FieldError errors={errors} field="seed" />
          </label>
        </div>
        <label style={{ display: 'flex', marginTop: '0.75rem' }}>
          Config overrides (JSON)
          <textarea value={form.overrides} onChange={set('overrides')} placeholder='{"useMotion": false}' className="mono" />
          <FieldError errors={errors} field="overrides" />
        </label>
      </details>
      <div className="row">
        <button type="submit" disabled={start.running}>
          Start training
        </button>
        <InlineError error={start.error} />
      </div>
    </form>
  );
}

function InferenceFormView({ choices, defaults }: { choices: Choices; defaults: StartJobDefaults }) {
  const router = useRouter();
  const start = useMutation(StartInferenceMutation);
  const versions = choices.models.flatMap((m) => m.versions.map((v) => ({ ...v, modelName: m.name })));
  const datasets = choices.datasets.filter((d) => d.latestVersion);
  const [modelVersionId, setModelVersionId] = useState(defaults.modelVersionId ?? versions[0]?.id ?? '');
  const [datasetVersionId, setDatasetVersionId] = useState(defaults.datasetVersionId ?? datasets[0]?.latestVersion?.id ?? '');
  const [maskSeed, setMaskSeed] = useState('');
  if (versions.length === 0) {
    return (
      <EmptyState
        title="No trained model yet"
        action={
          <Link className="button" href="/jobs/new?kind=train">
            Train a model
          </Link>
        }
      >
        Inference scores the test videos with a trained model version.
      </EmptyState>
    );
  }
  return (
    <form
      className="card stack"
      aria-label="Start inference"
      onSubmit={async (event) => {
        event.preventDefault();
        const seed = maskSeed.trim() === '' ? undefined : Number(maskSeed);
        const started = await start.mutate({
          input: { modelVersionId, datasetVersionId: datasetVersionId || undefined, maskSeed: seed !== undefined && Number.isInteger(seed) ? seed : undefined },
        });
        if (started) router.push(`/jobs/${started.startInference.id}`);
      }}
    >
      <div className="form-grid">
        <label>
          Model version
          <select value={modelVersionId} onChange={(event) => setModelVersionId(event.target.value)}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.modelName} v{v.number}
                {v.preset ? ` (${v.preset})` : ''} · {formatDate(v.createdAt)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Test videos of
          <select value={datasetVersionId} onChange={(event) => setDatasetVersionId(event.target.value)}>
            {datasets.map((d) => (
              <option key={d.id} value={d.latestVersion?.id}>
                {d.name} v{d.latestVersion?.number}
              </option>
            ))}
          </select>
        </label>
        <label>
          Test-time mask seed
          <input inputMode="numeric" value={maskSeed} onChange={(event) => setMaskSeed(event.target.value)} placeholder="masking off" />
        </label>
      </div>
      <div className="row">
        <button type="submit" disabled={start.running || !modelVersionId}>
          Start inference
        </button>
        <InlineError error={start.error} />
      </div>
    </form>
  );
}

function EvaluationFormView({ choices, defaults }: { choices: Choices; defaults: StartJobDefaults }) {
  const router = useRouter();
  const start = useMutation(StartEvaluationMutation);
  const jobs = choices.jobs.nodes;
  const [inferenceJobId, setInferenceJobId] = useState(defaults.inferenceJobId ?? jobs[0]?.id ?? '');
  const [protocol, setProtocol] = useState(choices.protocols[0] ?? 'paper');
  if (jobs.length === 0 && !defaults.inferenceJobId) {
    return (
      <EmptyState
        title="No finished inference job yet"
        action={
          <Link className="button" href="/jobs/new?kind=infer">
            Run inference
          </Link>
        }
      >
        An evaluation scores the runs of a finished inference job against the ground truth under a protocol.
      </EmptyState>
    );
  }
  const ids = jobs.some((j) => j.id === inferenceJobId) || !inferenceJobId ? jobs : [{ id: inferenceJobId, createdAt: '', parameters: null }, ...jobs];
  return (
    <form
      className="card stack"
      aria-label="Start evaluation"
      onSubmit={async (event) => {
        event.preventDefault();
        const started = await start.mutate({ inferenceJobId, protocol });
        if (started) router.push(`/jobs/${started.startEvaluation.id}`);
      }}
    >
      <div className="form-grid">
        <label>
          Inference job
          <select value={inferenceJobId} onChange={(event) => setInferenceJobId(event.target.value)}>
            {ids.map((j) => (
              <option key={j.id} value={j.id}>
                {j.id.slice(0, 8)}
                {j.createdAt ? ` · ${formatDate(j.createdAt)}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Protocol
          <select value={protocol} onChange={(event) => setProtocol(event.target.value)}>
            {(choices.protocols.length ? choices.protocols : ['paper']).map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <button type="submit" disabled={start.running || !inferenceJobId}>
          Start evaluation
        </button>
        <InlineError error={start.error} />
      </div>
    </form>
  );
}
