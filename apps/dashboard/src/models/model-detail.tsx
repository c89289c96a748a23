// One model: its versions with training job and data, metrics and aliases; promote a version to
// production; the runs of the chosen version, each opening the run viewer.
'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState, InlineError } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { formatCount } from '../format/format-count';
import { formatDate } from '../format/format-date';
import { formatMetric } from '../format/format-metric';
import { formatRate } from '../format/format-rate';
import type { ModelDetailQuery } from '../graphql/generated/graphql';
import { sameOriginUrl } from '../graphql/same-origin-url';
import { useMutation } from '../graphql/use-mutation';
import { useQuery } from '../graphql/use-query';
import { StatusBadge } from '../datasets/status-badge';
import { scoreWeightsText } from './score-weights-text';
import { ModelDetailQuery as DetailQuery, ModelVersionRunsQuery, PromoteModelVersionMutation } from './models.operations';

type Version = NonNullable<ModelDetailQuery['model']>['versions'][number];

export function ModelDetail({ modelId, versionId }: { modelId: string; versionId?: string }) {
  const router = useRouter();
  const { data, error, loading, refetch } = useQuery(DetailQuery, { id: modelId });
  if (loading) return <LoadingState label="model" />;
  if (error !== undefined) return <ErrorState error={error} onRetry={refetch} />;
  const model = data?.model;
  if (!model) {
    return (
      <EmptyState
        title="This model does not exist"
        action={
          <Link className="button" href="/models">
            All models
          </Link>
        }
      >
        It may belong to another team.
      </EmptyState>
    );
  }
  const versions = [...model.versions].sort((a, b) => b.number - a.number);
  const chosen = versions.find((v) => v.id === versionId) ?? versions[0];
  return (
    <section className="stack">
      <div className="page-head">
        <div>
          <p className="small" style={{ margin: 0 }}>
            <Link href="/models">Models</Link> /
          </p>
          <h1>{model.name}</h1>
        </div>
        <span className="chip-list">
          {model.aliases.map((a) => (
            <span key={a.alias} className={`badge ${a.alias === 'production' ? 'ok' : 'accent'}`}>
              {a.alias} → v{a.modelVersion.number}
            </span>
          ))}
        </span>
      </div>
      <div className="table-wrap">
        <table aria-label="Versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Preset</th>
              <th scope="col">Checkpoint</th>
              <th scope="col" className="num">
                Params
              </th>
              <th scope="col" className="num">
                Best micro AUC
              </th>
              <th scope="col">Trained on</th>
              <th scope="col">Training job</th>
              <th scope="col">By</th>
              <th scope="col">Aliases</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => {
              const best = Math.max(...v.evaluations.map((e) => e.microAuc ?? -Infinity));
              return (
                <tr
                  key={v.id}
                  aria-current={v.id === chosen?.id ? 'true' : undefined}
                  style={v.id === chosen?.id ? { background: 'var(--surface-2)' } : undefined}
                >
                  <td>
                    <Link
                      href={`/models/${model.id}?version=${v.id}`}
                      onClick={(event) => {
                        event.preventDefault();
                        router.replace(`/models/${model.id}?version=${v.id}`);
                      }}
                    >
                      v{v.number}
                    </Link>
                  </td>
                  <td>{v.preset ?? 'custom'}</td>
                  <td>{v.checkpointRule}</td>
                  <td className="num">{formatCount(v.parameterCount)}</td>
                  <td className="num">{Number.isFinite(best) ? formatMetric(best) : '—'}</td>
                  <td>
                    {v.datasetVersion ? (
                      <>
                        <Link href={`/datasets/${v.datasetVersion.dataset.id}`}>
                          {v.datasetVersion.dataset.name} v{v.datasetVersion.number}
                        </Link>{' '}
                        <span className="mono small muted">{v.datasetVersion.contentHash.slice(0, 8)}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {v.trainingJob ? (
                      <Link href={`/jobs/${v.trainingJob.id}`}>
                        <StatusBadge status={v.trainingJob.status} />
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{v.createdBy?.name ?? '—'}</td>
                  <td>
                    <span className="chip-list">
                      {v.aliases.map((a) => (
                        <span key={a} className={`badge ${a === 'production' ? 'ok' : 'accent'}`}>
                          {a}
                        </span>
                      ))}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {chosen && <VersionPanel key={chosen.id} version={chosen} onPromoted={() => void refetch()} />}
    </section>
  );
}

function VersionPanel({ version, onPromoted }: { version: Version; onPromoted(): void }) {
  const promote = useMutation(PromoteModelVersionMutation);
  const runs = useQuery(ModelVersionRunsQuery, { modelVersionId: version.id });
  const isProduction = version.aliases.includes('production');
  const weights = scoreWeightsText(version.scoreWeights);
  return (
    <>
      <div className="page-head" style={{ marginTop: '0.5rem' }}>
        <h2 style={{ margin: 0 }}>Version {version.number}</h2>
        <div className="row">
          <Link className="button secondary" href={`/jobs/new?kind=infer&modelVersionId=${version.id}`}>
            Run inference
          </Link>
          <a className="button secondary" href={sameOriginUrl(version.checkpointUrl)} download>
            Checkpoint (.tar)
          </a>
          {version.onnxUrl && (
            <a className="button secondary" href={sameOriginUrl(version.onnxUrl)} download>
              ONNX model
            </a>
          )}
          <button
            type="button"
            disabled={isProduction || promote.running}
            onClick={async () => {
              if (await promote.mutate({ id: version.id, alias: 'production' })) onPromoted();
            }}
          >
            {isProduction ? 'In production' : 'Promote to production'}
          </button>
        </div>
      </div>
      <InlineError error={promote.error} />
      <div className="grid">
        <div className="card">
          <h3>Evaluations</h3>
          {version.evaluations.length === 0 ? (
            <p className="muted">Not evaluated yet: run inference, then evaluate that job.</p>
          ) : (
            <div className="table-wrap">
              <table aria-label="Evaluations">
                <thead>
                  <tr>
                    <th scope="col">Protocol</th>
                    <th scope="col" className="num">
                      Micro
                    </th>
                    <th scope="col" className="num">
                      Macro
                    </th>
                    <th scope="col" className="num">
                      RBDC
                    </th>
                    <th scope="col" className="num">
                      TBDC
                    </th>
                    <th scope="col" className="num">
                      EER
                    </th>
                    <th scope="col">Date</th>
                  </tr>
                </thead>
                <tbody>
                  {version.evaluations.map((e) => (
                    <tr key={e.id}>
                      <td>{e.protocolName}</td>
                      <td className="num">{formatMetric(e.microAuc)}</td>
                      <td className="num">{formatMetric(e.macroAuc)}</td>
                      <td className="num">{formatMetric(e.rbdc)}</td>
                      <td className="num">{formatMetric(e.tbdc)}</td>
                      <td className="num">{formatMetric(e.eer)}</td>
                      <td>{formatDate(e.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>Facts</h3>
          <dl className="facts">
            <dt>Checkpoint rule</dt>
            <dd>{version.checkpointRule}</dd>
            <dt>Eq. 6 weights (paper-chosen-weights protocol)</dt>
            <dd data-testid="score-weights">
              {weights.weights}
              <br />
              <span className="muted small">{weights.source}</span>
            </dd>
            <dt>Parameters</dt>
            <dd>{formatCount(version.parameterCount)}</dd>
            <dt>GFLOPs / frame</dt>
            <dd>{version.gflopsPerFrame?.toFixed(2) ?? '—'}</dd>
            <dt>Created</dt>
            <dd>
              {formatDate(version.createdAt)}
              {version.createdBy ? ` by ${version.createdBy.name}` : ''}
            </dd>
          </dl>
        </div>
        <div className="card">
          <h3>Runs (scored videos)</h3>
          {runs.loading && <LoadingState label="runs" />}
          {runs.error !== undefined && <ErrorState error={runs.error} onRetry={runs.refetch} />}
          {runs.data && runs.data.inferenceRuns.length === 0 && <p className="muted">No videos scored with this version yet.</p>}
          {runs.data && runs.data.inferenceRuns.length > 0 && (
            <ul aria-label="Runs" style={{ paddingLeft: '1.1rem', maxHeight: '16rem', overflow: 'auto' }}>
              {runs.data.inferenceRuns.map((run) => (
                <li key={run.id}>
                  <Link href={`/runs/${run.id}`}>{run.video.name}</Link>{' '}
                  <span className="muted small">
                    {run.video.split.toLowerCase()} · {formatRate(run.framesPerSecond)} · {run.engine}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div className="grid">
        <div className="card">
          <h3>Config</h3>
          <pre>{JSON.stringify(version.config, null, 2)}</pre>
        </div>
        <div className="card">
          <h3>Training metrics</h3>
          {version.trainingMetrics == null ? <p className="muted">None recorded.</p> : <pre>{JSON.stringify(version.trainingMetrics, null, 2)}</pre>}
        </div>
      </div>
    </>
  );
}
