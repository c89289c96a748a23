// Uploads videos (and optional ground-truth JSON files of the same name) into a data set, one at a time,
// with a progress bar and a clear outcome per file, then follows each file's import job.
'use client';
import { useRef, useState, type DragEvent } from 'react';
import { ProgressBar } from '../feedback/progress-bar';
import { formatBytes } from '../format/format-count';
import { executeOperation } from '../graphql/execute-operation';
import { describeError } from '../graphql/graphql-request-error';
import { ImportJobQuery } from './datasets.operations';
import { parseLabels } from './parse-labels';
import { readFileText } from './read-file-text';
import { applyUploadEvent, itemFraction, itemStatusText, matchLabelFiles, queueFiles, videoNameOf, type UploadEvent, type UploadItem } from './upload-queue';
import { uploadVideo, type UploadAccepted, type VideoUpload } from './upload-video';

export interface UploadPanelProps {
  datasetId: string;
  /** The split chosen at first (default train: a data set needs training videos before anything else). */
  defaultSplit?: 'train' | 'test';
  /** Called when an import finished, so the video list can refresh. */
  onImported(): void;
  /** Seams for tests. */
  upload?: (upload: VideoUpload, onProgress: (loaded: number, total: number) => void) => { done: Promise<UploadAccepted> };
  waitForImport?: (jobId: string, onProgress: (fraction: number | null) => void) => Promise<void>;
}

const FINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Polls the import job until it ends; rejects with its error when it did not succeed. */
async function pollImport(jobId: string, onProgress: (fraction: number | null) => void): Promise<void> {
  for (;;) {
    const { job } = await executeOperation(ImportJobQuery, { id: jobId });
    if (!job) throw new Error(`import job ${jobId} disappeared`);
    onProgress(job.progress?.fraction ?? null);
    if (FINAL.has(job.status)) {
      if (job.status === 'SUCCEEDED') return;
      throw new Error(job.error ?? `the import job ended ${job.status.toLowerCase()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const isVideo = (file: File) => /^video\//.test(file.type) || /\.(mp4|avi|mkv|mov|webm|mpg|mpeg|m4v|tif)$/i.test(file.name);
const isLabels = (file: File) => /\.json$/i.test(file.name);

export function UploadPanel({ datasetId, defaultSplit = 'train', onImported, upload = uploadVideo, waitForImport = pollImport }: UploadPanelProps) {
  const [split, setSplit] = useState<'train' | 'test'>(defaultSplit);
  const [videos, setVideos] = useState<File[]>([]);
  const [labels, setLabels] = useState<File[]>([]);
  const [items, setItems] = useState<UploadItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const videoInput = useRef<HTMLInputElement>(null);
  const labelsInput = useRef<HTMLInputElement>(null);

  const addFiles = (files: File[]) => {
    setVideos((now) => [...now, ...files.filter(isVideo)]);
    setLabels((now) => [...now, ...files.filter(isLabels)]);
    const other = files.filter((f) => !isVideo(f) && !isLabels(f));
    setProblem(other.length ? `${other.map((f) => f.name).join(', ')}: not a video or a .json ground-truth file, left out` : undefined);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    addFiles(Array.from(event.dataTransfer.files));
  };

  const start = async () => {
    const pairs = matchLabelFiles(videos, labels);
    const queued = queueFiles(
      pairs.map(({ video, labels: l }) => ({ name: video.name, size: video.size, labelsFile: l?.name })),
      Date.now(),
    );
    setItems((now) => [...queued, ...now]);
    setVideos([]);
    setLabels([]);
    if (videoInput.current) videoInput.current.value = '';
    if (labelsInput.current) labelsInput.current.value = '';
    setBusy(true);
    const apply = (event: UploadEvent) => setItems((now) => applyUploadEvent(now, event));
    const imports: Promise<void>[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const { key } = queued[i];
      const { video, labels: labelsFile } = pairs[i];
      let labelsText: string | undefined;
      if (labelsFile) {
        labelsText = await readFileText(labelsFile);
        const parsed = parseLabels(labelsText);
        if (!parsed.ok) {
          apply({ type: 'failed', key, error: `${labelsFile.name}: ${parsed.message}` });
          continue;
        }
      }
      try {
        const accepted = await upload(
          { datasetId, split, name: videoNameOf(video.name), file: video, fileName: video.name, labels: labelsText },
          (loaded, total) => apply({ type: 'progress', key, loaded, total }),
        ).done;
        apply({ type: 'accepted', key, jobId: accepted.jobId });
        imports.push(
          waitForImport(accepted.jobId, (fraction) => apply({ type: 'import-progress', key, fraction })).then(
            () => {
              apply({ type: 'imported', key });
              onImported();
            },
            (error: unknown) => apply({ type: 'failed', key, error: describeError(error) }),
          ),
        );
      } catch (error) {
        apply({ type: 'failed', key, error: describeError(error) });
      }
    }
    setBusy(false);
    await Promise.all(imports);
  };

  const pairs = matchLabelFiles(videos, labels);
  return (
    <div className="card">
      <h2>Upload videos</h2>
      <div
        className={dragging ? 'dropzone active' : 'dropzone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p style={{ marginTop: 0 }}>
          Drop video files here, with optional ground truth as <code>NAME.json</code> beside <code>NAME.mp4</code> (<code>[0,1,…]</code> per frame or{' '}
          <code>[[start,end],…]</code>). Uploads less than ten minutes apart make one data-set version, until a job uses it.
        </p>
        <div className="row" style={{ justifyContent: 'center' }}>
          <label>
            Videos
            <input
              ref={videoInput}
              type="file"
              accept="video/*,.avi,.mkv,.mov,.mp4,.webm"
              multiple
              onChange={(event) => addFiles(Array.from(event.target.files ?? []))}
            />
          </label>
          <label>
            Ground truth (optional)
            <input
              ref={labelsInput}
              type="file"
              accept=".json,application/json"
              multiple
              onChange={(event) => addFiles(Array.from(event.target.files ?? []))}
            />
          </label>
          <label>
            Split
            <select value={split} onChange={(event) => setSplit(event.target.value === 'train' ? 'train' : 'test')}>
              <option value="train">train (normal videos)</option>
              <option value="test">test</option>
            </select>
          </label>
        </div>
      </div>
      {problem && (
        <p className="warn small" role="alert">
          {problem}
        </p>
      )}
      {pairs.length > 0 && (
        <div className="stack" style={{ marginTop: '0.75rem' }}>
          <ul className="small" aria-label="Files to upload">
            {pairs.map(({ video, labels: l }) => (
              <li key={video.name}>
                {video.name} ({formatBytes(video.size)}){l ? ` with ground truth ${l.name}` : split === 'test' ? ' — no ground truth' : ''}
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" onClick={start} disabled={busy}>
              Upload {pairs.length} {pairs.length === 1 ? 'video' : 'videos'} to {split}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setVideos([]);
                setLabels([]);
              }}
            >
              Clear
            </button>
          </div>
        </div>
      )}
      {items.length > 0 && (
        <ul className="upload-list" aria-label="Uploads">
          {items.map((item) => (
            <li key={item.key} data-testid="upload-item">
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {item.name} <span className="muted small">{formatBytes(item.size)}</span>
              </span>
              <ProgressBar fraction={itemFraction(item)} label={`${item.name}: ${itemStatusText(item)}`} />
              <span
                className={`upload-status small ${item.status === 'failed' ? 'bad' : item.status === 'done' ? 'ok' : 'muted'}`}
                role={item.status === 'failed' ? 'alert' : undefined}
              >
                {itemStatusText(item)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
