// The state of a batch of uploads, one item per video file: queued → uploading (bytes) → importing (the
// platform's import job) → done, or failed with a reason. Pure, so the progress bars are tested without a network.
export type UploadStatus = 'queued' | 'uploading' | 'importing' | 'done' | 'failed';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  status: UploadStatus;
  loaded: number;
  /** Import job progress 0..1, when the job reports it. */
  importFraction?: number;
  jobId?: string;
  error?: string;
  /** Name of the ground-truth file sent with the video. */
  labelsFile?: string;
}

export type UploadEvent =
  | { type: 'progress'; key: string; loaded: number; total: number }
  | { type: 'accepted'; key: string; jobId: string }
  | { type: 'import-progress'; key: string; fraction: number | null }
  | { type: 'imported'; key: string }
  | { type: 'failed'; key: string; error: string };

export function queueFiles(files: readonly { name: string; size: number; labelsFile?: string }[], now: number): UploadItem[] {
  return files.map((file, i) => ({
    key: `${now}-${i}-${file.name}`,
    name: file.name,
    size: file.size,
    status: 'queued',
    loaded: 0,
    labelsFile: file.labelsFile,
  }));
}

export function applyUploadEvent(items: readonly UploadItem[], event: UploadEvent): UploadItem[] {
  return items.map((item) => {
    if (item.key !== event.key) return item;
    switch (event.type) {
      case 'progress':
        return { ...item, status: 'uploading', loaded: Math.min(event.loaded, event.total), size: event.total || item.size };
      case 'accepted':
        return { ...item, status: 'importing', loaded: item.size, jobId: event.jobId };
      case 'import-progress':
        return { ...item, importFraction: event.fraction ?? undefined };
      case 'imported':
        return { ...item, status: 'done', importFraction: 1 };
      case 'failed':
        return { ...item, status: 'failed', error: event.error };
    }
  });
}

/** The bar of an item: bytes while uploading, then the import job's progress. */
export function itemFraction(item: UploadItem): number | undefined {
  switch (item.status) {
    case 'queued':
      return 0;
    case 'uploading':
      return item.size > 0 ? item.loaded / item.size : undefined;
    case 'importing':
      return item.importFraction;
    case 'done':
      return 1;
    case 'failed':
      return item.size > 0 ? item.loaded / item.size : 0;
  }
}

export function itemStatusText(item: UploadItem): string {
  switch (item.status) {
    case 'queued':
      return 'waiting';
    case 'uploading':
      return `uploading ${item.size > 0 ? Math.floor((item.loaded / item.size) * 100) : 0} %`;
    case 'importing':
      return item.importFraction !== undefined ? `importing ${Math.floor(item.importFraction * 100)} %` : 'importing (decoding frames)…';
    case 'done':
      return 'imported';
    case 'failed':
      return `failed: ${item.error ?? 'unknown error'}`;
  }
}

/** Pairs each video with a ground-truth JSON file of the same base name (video01.mp4 ↔ video01.json). */
export function matchLabelFiles<V extends { name: string }, L extends { name: string }>(
  videos: readonly V[],
  labelFiles: readonly L[],
): { video: V; labels?: L }[] {
  const base = (name: string) => name.replace(/\.[^.]+$/, '').toLowerCase();
  const byBase = new Map(labelFiles.map((file) => [base(file.name), file]));
  return videos.map((video) => ({ video, labels: byBase.get(base(video.name)) }));
}

export const videoNameOf = (fileName: string) => fileName.replace(/\.[^.]+$/, '');
