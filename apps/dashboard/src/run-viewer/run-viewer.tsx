// The run viewer: one video scored by one model version. Timeline with ground truth and an adjustable
// threshold, the frame with its anomaly map, playback, keyboard navigation, ROC and per-video AUCs.
'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import type { RunViewerQuery as RunViewerData } from '../graphql/generated/graphql';
import { useQuery } from '../graphql/use-query';
import { FrameCard } from './frame-card';
import { intervalsAtOrAbove, labelsToIntervals, type FrameInterval } from './frame-intervals';
import { MapSettingsCard } from './map-settings-card';
import { PerVideoAucCard } from './per-video-auc-card';
import { RocCard } from './roc-card';
import { curvePoints, videoRoc } from './roc-points';
import { RunHeading } from './run-heading';
import { RunFrameQuery, RunSiblingsQuery, RunViewerQuery } from './run-viewer.operations';
import { ScoreCard } from './score-card';
import { scoreRange, thresholdStats } from './threshold-stats';
import { timelineRows, type ComponentName } from './timeline-rows';
import { usePlayback } from './use-playback';
import { useSettledValue } from './use-settled-value';
import { viewerKeyAction, type MapComponent } from './viewer-keys';

type Run = NonNullable<RunViewerData['inferenceRun']>;

/** Keys that a focused form control or button handles itself. */
const ownsKey = (target: EventTarget, key: string) =>
  target instanceof HTMLElement &&
  (target.tagName === 'INPUT' ||
    target.tagName === 'SELECT' ||
    target.tagName === 'TEXTAREA' ||
    (target.tagName === 'BUTTON' && (key === ' ' || key === 'Enter')));

export function RunViewer({ runId, initialFrame, protocol }: { runId: string; initialFrame: number; protocol: string }) {
  const router = useRouter();
  const { data, error, loading, refetch } = useQuery(RunViewerQuery, { runId, protocol });
  if (loading && !data) return <LoadingState label="run" />;
  if (error !== undefined && !data) return <ErrorState error={error} onRetry={refetch} />;
  const run = data?.inferenceRun;
  if (!run) {
    return (
      <EmptyState
        title="This run does not exist"
        action={
          <Link className="button" href="/models">
            Browse models
          </Link>
        }
      >
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

  const rows = useMemo(
    () =>
      timelineRows(scores, { teacherError: frameScores.teacherError, discrepancy: frameScores.discrepancy, classifier: frameScores.classifier }, series, range),
    [scores, frameScores, series, range],
  );
  const flagged = useMemo(() => intervalsAtOrAbove(scores, threshold), [scores, threshold]);
  const stats = useMemo(() => thresholdStats(scores, frameScores.labels, threshold), [scores, frameScores.labels, threshold]);
  const ownRoc = useMemo(() => (frameScores.labels ? videoRoc(scores, frameScores.labels) : undefined), [scores, frameScores.labels]);

  const siblings = useQuery(RunSiblingsQuery, { modelVersionId: run.modelVersion.id });
  const evaluation = useMemo(
    () => [...(siblings.data?.evaluations ?? [])].filter((e) => e.protocolName === protocol).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0],
    [siblings.data, protocol],
  );
  const runByVideo = useMemo(() => new Map((siblings.data?.inferenceRuns ?? []).map((r) => [r.video.name, r.id])), [siblings.data]);
  const evaluationRoc = useMemo(() => (evaluation?.rocCurve ? curvePoints(evaluation.rocCurve.fpr, evaluation.rocCurve.tpr) : undefined), [evaluation]);

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

  return (
    <section ref={viewerRef} className="viewer" tabIndex={-1} onKeyDown={onKeyDown} aria-label="Run viewer" data-testid="run-viewer">
      <RunHeading run={run} frameCount={frameCount} protocol={protocol} protocols={protocols} onProtocol={onProtocol} />
      <ScoreCard
        protocol={protocol}
        stagesNotApplied={frameScores.stagesNotApplied}
        scores={scores}
        frameCount={frameCount}
        rows={rows}
        range={range}
        frame={frame}
        groundTruth={groundTruth}
        flagged={flagged}
        series={series}
        setSeries={setSeries}
        threshold={threshold}
        setThreshold={setThreshold}
        stats={stats}
        onSeek={(to) => {
          setPlaying(false);
          seek(to);
        }}
      />
      <FrameCard
        frame={frame}
        frameCount={frameCount}
        score={scores[frame]}
        threshold={threshold}
        thresholdOnMap={thresholdOnMap}
        inGroundTruth={groundTruth.some(([s, e]) => frame >= s && frame <= e)}
        images={{ error: images.error, loading: images.loading, hasData: images.data !== undefined, refetch: images.refetch }}
        frameUrl={images.data?.inferenceRun?.video.frameUrl}
        map={images.data?.inferenceRun?.anomalyMap}
        overlay={overlay}
        hasMaps={run.hasMaps}
        opacity={opacity}
        video={video}
        seek={seek}
        playing={playing}
        setPlaying={setPlaying}
        speed={speed}
        setSpeed={setSpeed}
      />
      <MapSettingsCard
        hasMaps={run.hasMaps}
        overlay={overlay}
        setOverlay={setOverlay}
        component={component}
        setComponent={setComponent}
        opacity={opacity}
        setOpacity={setOpacity}
      />
      <RocCard
        video={video}
        protocol={protocol}
        ownRoc={ownRoc}
        hasLabels={Boolean(frameScores.labels)}
        evaluationRoc={evaluationRoc}
        evaluationMicroAuc={evaluation?.microAuc}
      />
      <PerVideoAucCard siblings={siblings} evaluation={evaluation} runByVideo={runByVideo} videoName={video.name} inferenceJobId={run.job.id} />
    </section>
  );
}
