// The run viewer: one video scored by one model version. Timeline with ground truth and an adjustable
// threshold, the frame with its anomaly map, playback, keyboard navigation, ROC and per-video AUCs.
'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { formatMetric } from '../format/format-metric';
import { formatRate } from '../format/format-rate';
import type { RunViewerQuery as RunViewerData } from '../graphql/generated/graphql';
import { sameOriginUrl } from '../graphql/same-origin-url';
import { useQuery } from '../graphql/use-query';
import { FrameView } from './frame-view';
import { MapLegend } from './map-legend';
import { intervalsAtOrAbove, labelsToIntervals, type FrameInterval } from './frame-intervals';
import { PerVideoAucTable } from './per-video-auc-table';
import { RocChart } from './roc-chart';
import { curvePoints, videoRoc } from './roc-points';
import { RunFrameQuery, RunSiblingsQuery, RunViewerQuery } from './run-viewer.operations';
import { ScoreTimeline } from './score-timeline';
import { scoreRange, thresholdStats } from './threshold-stats';
import { useSettledValue } from './use-settled-value';
import { timelineRows, type ComponentName } from './timeline-rows';
import { usePlayback } from './use-playback';
import { VIEWER_KEYS, viewerKeyAction, type MapComponent } from './viewer-keys';

type Run = NonNullable<RunViewerData['inferenceRun']>;

const MAP_COMPONENTS: { value: MapComponent; label: string }[] = [
  { value: 'combined', label: 'Combined' },
  { value: 'teacher', label: 'Teacher error' },
  { value: 'discrepancy', label: 'Discrepancy' },
];

const SERIES: { value: ComponentName; label: string }[] = [
  { value: 'teacherError', label: 'Teacher error' },
  { value: 'discrepancy', label: 'Discrepancy' },
  { value: 'classifier', label: 'Classifier' },
];

/** Keys that a focused form control or button handles itself. */
const ownsKey = (target: EventTarget, key: string) =>
  target instanceof HTMLElement &&
  (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA' || (target.tagName === 'BUTTON' && (key === ' ' || key === 'Enter')));

export function RunViewer({ runId, initialFrame, protocol }: { runId: string; initialFrame: number; protocol: string }) {
  const router = useRouter();
  const { data, error, loading, refetch } = useQuery(RunViewerQuery, { runId, protocol });
  if (loading && !data) return <LoadingState label="run" />;
  if (error !== undefined && !data) return <ErrorState error={error} onRetry={refetch} />;
  const run = data?.inferenceRun;
  if (!run) {
    return (
      <EmptyState title="This run does not exist" action={<Link className="button" href="/models">Browse models</Link>}>
        It may have been deleted, or it belongs to another team. Runs are listed on each model version.
      </EmptyState>
    );
  }
  return (
    <LoadedRunViewer
      key={`${run.id}:${protocol}`}
      run={run}
      protocols={data?.protocols ?? [protocol]}
      protocol={protocol}
      initialFrame={initialFrame}
      onProtocol={(next) => router.replace(`/runs/${runId}?protocol=${encodeURIComponent(next)}`)}
    />
  );
}

interface LoadedProps {
  run: Run;
  protocols: readonly string[];
  protocol: string;
  initialFrame: number;
  onProtocol(protocol: string): void;
}

function LoadedRunViewer({ run, protocols, protocol, initialFrame, onProtocol }: LoadedProps) {
  const { video, frameScores } = run;
  const scores = frameScores.scores;
  const frameCount = scores.length || video.frameCount;
  const range = useMemo(() => scoreRange(scores), [scores]);
  const groundTruth: readonly FrameInterval[] = useMemo(
    () => (video.abnormalIntervals.length ? video.abnormalIntervals.map(([s, e]) => [s, e] as const) : labelsToIntervals(frameScores.labels ?? [])),
    [video.abnormalIntervals, frameScores.labels],
  );

  const [frame, setFrame] = useState(() => Math.max(0, Math.min(frameCount - 1, initialFrame)));
  const [threshold, setThreshold] = useState(() => range.min + (range.max - range.min) / 2);
  const [overlay, setOverlay] = useState(true);
  const [opacity, setOpacity] = useState(0.6);
  const [component, setComponent] = useState<MapComponent>('combined');
  const [series, setSeries] = useState<ComponentName[]>([]);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(() => Math.round(video.fps ?? 10) || 10);
  const [rocSource, setRocSource] = useState<'video' | 'evaluation'>('video');

  // the viewer takes focus on arrival so the keyboard works at once
  const viewerRef = useRef<HTMLElement>(null);
  useEffect(() => {
    viewerRef.current?.focus({ preventScroll: true });
  }, []);

  const seek = useCallback((to: number) => setFrame(Math.max(0, Math.min(frameCount - 1, to))), [frameCount]);

  // keep ?frame= in the address so a view can be shared, without a navigation per frame
  const urlTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    clearTimeout(urlTimer.current);
    urlTimer.current = setTimeout(() => {
      const url = new URL(window.location.href);
      url.searchParams.set('frame', String(frame));
      window.history.replaceState(window.history.state, '', url);
    }, 300);
    return () => clearTimeout(urlTimer.current);
  }, [frame]);

  const advance = useCallback(() => {
    let more = true;
    setFrame((current) => {
      if (current >= frameCount - 1) {
        more = false;
        setPlaying(false);
        return current;
      }
      return current + 1;
    });
    return more;
  }, [frameCount]);
  usePlayback(playing, speed, advance);

  // the combined map is the paper protocol's volume, whose frame maxima are the `paper` scores: only there is
  // the threshold on the map's scale, so only there are regions drawn
  const thresholdOnMap = protocol === 'paper' && component === 'combined';
  const regionThreshold = useSettledValue(thresholdOnMap ? threshold : null, 200);
  const images = useQuery(RunFrameQuery, { runId: run.id, frame, component, threshold: regionThreshold });
  const frameUrl = images.data?.inferenceRun?.video.frameUrl;
  const map = images.data?.inferenceRun?.anomalyMap;

  const rows = useMemo(
    () => timelineRows(scores, { teacherError: frameScores.teacherError, discrepancy: frameScores.discrepancy, classifier: frameScores.classifier }, series, range),
    [scores, frameScores, series, range],
  );
  const flagged = useMemo(() => intervalsAtOrAbove(scores, threshold), [scores, threshold]);
  const stats = useMemo(() => thresholdStats(scores, frameScores.labels, threshold), [scores, frameScores.labels, threshold]);
  const ownRoc = useMemo(() => (frameScores.labels ? videoRoc(scores, frameScores.labels) : undefined), [scores, frameScores.labels]);

  const siblings = useQuery(RunSiblingsQuery, { modelVersionId: run.modelVersion.id });
  const evaluation = useMemo(
    () =>
      [...(siblings.data?.evaluations ?? [])]
        .filter((e) => e.protocolName === protocol)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0],
    [siblings.data, protocol],
  );
  const runByVideo = useMemo(() => new Map((siblings.data?.inferenceRuns ?? []).map((r) => [r.video.name, r.id])), [siblings.data]);
  const evaluationRoc = useMemo(
    () => (evaluation?.rocCurve ? curvePoints(evaluation.rocCurve.fpr, evaluation.rocCurve.tpr) : undefined),
    [evaluation],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (ownsKey(event.target, event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const action = viewerKeyAction({ key: event.key, shiftKey: event.shiftKey }, { frame, frameCount, intervals: groundTruth });
    if (!action) return;
    event.preventDefault();
    switch (action.type) {
      case 'seek':
        setFrame(action.frame);
        break;
      case 'toggle-play':
        setPlaying((p) => !p);
        break;
      case 'toggle-overlay':
        setOverlay((o) => !o);
        break;
      case 'component':
        setComponent(action.component);
        break;
    }
  };

  const step = (range.max - range.min) / 200;
  const inGroundTruth = groundTruth.some(([s, e]) => frame >= s && frame <= e);
  const score = scores[frame];

  return (
    <section ref={viewerRef} className="viewer" tabIndex={-1} onKeyDown={onKeyDown} aria-label="Run viewer" data-testid="run-viewer">
      <div className="span-all page-head">
        <div>
          <h1>
            {video.name} <span className="muted">·</span>{' '}
            <Link href={`/models/${run.modelVersion.model.id}?version=${run.modelVersion.id}`}>
              {run.modelVersion.model.name} v{run.modelVersion.number}
            </Link>
          </h1>
          <p className="muted small" style={{ margin: 0 }}>
            {frameCount} frames · {video.width}×{video.height} · engine {run.engine} · {formatRate(run.framesPerSecond)} · video AUC{' '}
            {formatMetric(frameScores.auc)} % · <Link href={`/jobs/${run.job.id}`}>inference job</Link> ·{' '}
            <a href={sameOriginUrl(run.scoresCsvUrl)} download>
              scores as CSV
            </a>
          </p>
        </div>
        <label>
          Protocol
          <select value={protocol} onChange={(event) => onProtocol(event.target.value)}>
            {protocols.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
      </div>

      <div className="card span-all">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 style={{ margin: 0 }}>Anomaly score</h2>
          <fieldset className="row" style={{ margin: 0, padding: '0.2rem 0.6rem' }}>
            <legend>Also plot</legend>
            {SERIES.map((s) => (
              <label key={s.value} className="inline">
                <input
                  type="checkbox"
                  checked={series.includes(s.value)}
                  onChange={(event) => setSeries((now) => (event.target.checked ? [...now, s.value] : now.filter((v) => v !== s.value)))}
                />
                {s.label}
              </label>
            ))}
          </fieldset>
        </div>
        {frameScores.stagesNotApplied.length > 0 && (
          <p className="bad small" role="note">
            These scores skip stages of {protocol}: {frameScores.stagesNotApplied.join(', ')} (the run was recorded before token maps were kept). Run
            inference again for the protocol's own scores.
          </p>
        )}
        {scores.length === 0 ? (
          <EmptyState title="No scores for this run">The inference job may still be running or may have failed.</EmptyState>
        ) : (
          <ScoreTimeline
            rows={rows}
            range={range}
            threshold={threshold}
            frame={frame}
            groundTruth={groundTruth}
            flagged={flagged}
            shownComponents={series}
            onSeek={(to) => {
              setPlaying(false);
              seek(to);
            }}
          />
        )}
        <div className="row" style={{ marginTop: '0.5rem' }}>
          <label style={{ flex: '1 1 16rem' }}>
            Threshold: <strong className="mono">{threshold.toPrecision(3)}</strong>
            <input
              type="range"
              min={range.min}
              max={range.max}
              step={step}
              value={threshold}
              onChange={(event) => setThreshold(Number(event.target.value))}
              aria-label="Threshold"
            />
          </label>
          <p className="small" style={{ margin: 0 }} aria-live="polite" data-testid="threshold-stats">
            {stats.flagged} of {frameCount} frames flagged
            {stats.recall !== undefined && ` · ${(stats.recall * 100).toFixed(0)} % of abnormal frames caught`}
            {stats.falsePositiveRate !== undefined && ` · ${(stats.falsePositiveRate * 100).toFixed(1)} % false alarms`}
          </p>
        </div>
      </div>

      <div className="card">
        <div className="row" style={{ justifyContent: 'space-between', marginBottom: '0.5rem' }}>
          <h2 style={{ margin: 0 }} aria-live="polite" data-testid="frame-heading">
            Frame {frame}
            {inGroundTruth && <span className="badge bad" style={{ marginLeft: '0.5rem' }}>abnormal</span>}
            {score !== undefined && score >= threshold && <span className="badge warn" style={{ marginLeft: '0.35rem' }}>flagged</span>}
          </h2>
          <span className="mono small">score {score === undefined ? '—' : score.toPrecision(3)}</span>
        </div>
        {images.error !== undefined && !images.data ? (
          <ErrorState error={images.error} onRetry={images.refetch} title="The frame could not be loaded" />
        ) : (
          <FrameView
            frame={frame}
            frameUrl={frameUrl ? sameOriginUrl(frameUrl) : undefined}
            map={map ? { ...map, url: sameOriginUrl(map.url) } : null}
            overlay={overlay && run.hasMaps}
            opacity={opacity}
            width={video.width}
            height={video.height}
            loading={images.loading}
          />
        )}
        {overlay && run.hasMaps && map && <MapLegend low={map.low} high={map.high} scale={map.scale} threshold={thresholdOnMap ? threshold : null} />}
        {overlay && thresholdOnMap && map && map.regions.length > 0 && (
          <p className="small muted" style={{ margin: '0.2rem 0 0' }} data-testid="region-count">
            {map.regions.length} region{map.regions.length === 1 ? '' : 's'} at or above the threshold in this frame
          </p>
        )}
        <div className="row" style={{ marginTop: '0.6rem' }}>
          <button type="button" onClick={() => seek(frame - 1)} aria-label="Previous frame" className="secondary" disabled={frame <= 0}>
            ◀
          </button>
          <button type="button" onClick={() => setPlaying((p) => !p)} aria-label={playing ? 'Pause' : 'Play'}>
            {playing ? '❚❚ Pause' : '▶ Play'}
          </button>
          <button type="button" onClick={() => seek(frame + 1)} aria-label="Next frame" className="secondary" disabled={frame >= frameCount - 1}>
            ▶
          </button>
          <label className="inline">
            Speed
            <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))} aria-label="Playback speed in frames per second">
              {[2, 5, 10, 15, 25, 30].map((fps) => (
                <option key={fps} value={fps}>
                  {fps} fps
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      <div className="card">
        <h2>Anomaly map</h2>
        {run.hasMaps ? (
          <div className="stack">
            <label className="inline">
              <input type="checkbox" checked={overlay} onChange={(event) => setOverlay(event.target.checked)} />
              Show the map over the frame
            </label>
            <div className="segmented" role="group" aria-label="Map component">
              {MAP_COMPONENTS.map((c) => (
                <button key={c.value} type="button" aria-pressed={component === c.value} onClick={() => setComponent(c.value)}>
                  {c.label}
                </button>
              ))}
            </div>
            <label>
              Overlay opacity: {Math.round(opacity * 100)} %
              <input type="range" min={0} max={1} step={0.05} value={opacity} onChange={(event) => setOpacity(Number(event.target.value))} aria-label="Overlay opacity" />
            </label>
          </div>
        ) : (
          <p className="muted">This run kept no pixel anomaly maps. Run inference again with “keep maps” on to see them.</p>
        )}
        <h3>Keyboard</h3>
        <dl className="facts small">
          {VIEWER_KEYS.map(([keys, what]) => (
            <div key={keys} style={{ display: 'contents' }}>
              <dt>
                {keys.split(' ').map((k) => (
                  <kbd key={k} style={{ marginRight: '0.2rem' }}>
                    {k}
                  </kbd>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </div>

      <div className="card">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 style={{ margin: 0 }}>ROC curve</h2>
          <div className="segmented" role="group" aria-label="ROC of">
            <button type="button" aria-pressed={rocSource === 'video'} onClick={() => setRocSource('video')}>
              This video
            </button>
            <button type="button" aria-pressed={rocSource === 'evaluation'} onClick={() => setRocSource('evaluation')} disabled={!evaluationRoc}>
              All test videos
            </button>
          </div>
        </div>
        {rocSource === 'video' &&
          (ownRoc ? (
            <RocChart points={ownRoc.points} auc={ownRoc.auc} title={`${video.name}, frame level`} />
          ) : (
            <p className="muted">
              {frameScores.labels ? 'This video has only one class of frames, so it has no ROC curve.' : 'This video has no ground truth, so it has no ROC curve.'}
            </p>
          ))}
        {rocSource === 'evaluation' && evaluationRoc && (
          <RocChart points={evaluationRoc} auc={evaluation?.microAuc} title={`All test videos (micro), protocol ${protocol}`} />
        )}
      </div>

      <div className="card">
        <h2>Per-video AUC</h2>
        {siblings.loading && <LoadingState label="evaluation" />}
        {siblings.error !== undefined && <ErrorState error={siblings.error} onRetry={siblings.refetch} />}
        {siblings.data && !evaluation && (
          <EmptyState title="Not evaluated under this protocol" action={<Link className="button secondary" href={`/jobs/new?kind=evaluate&inferenceJobId=${run.job.id}`}>Evaluate this inference job</Link>}>
            Per-video AUCs come from an evaluation of the model version’s inference job.
          </EmptyState>
        )}
        {evaluation && (
          <>
            <p className="small muted">
              Micro {formatMetric(evaluation.microAuc)} % · macro {formatMetric(evaluation.macroAuc)} % · EER {formatMetric(evaluation.eer)} %
              {evaluation.videosSkipped ? ` · ${evaluation.videosSkipped} single-class videos skipped` : ''}
            </p>
            <PerVideoAucTable rows={evaluation.perVideoAuc} runByVideo={runByVideo} currentVideo={video.name} />
          </>
        )}
      </div>
    </section>
  );
}
