// One video upload to the platform's POST /uploads (through the dashboard's same-origin proxy), with
// XMLHttpRequest because fetch cannot report upload progress.
export interface VideoUpload {
  datasetId: string;
  split: 'train' | 'test';
  name: string;
  file: Blob;
  /** The file's own name: the platform tells the container from its extension (walk.mp4). Default `name`. */
  fileName?: string;
  /** JSON text: [0,1,…] per frame or [[start,end],…]. */
  labels?: string;
}

export interface UploadAccepted {
  jobId: string;
  videoName: string;
}

export class UploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** The message of a failed upload from the API's `{ error: { code, message } }`, or one that says what happened. */
export function uploadErrorFrom(status: number, responseText: string): UploadError {
  try {
    const body = JSON.parse(responseText) as { error?: { code?: unknown; message?: unknown } };
    if (body.error && typeof body.error.message === 'string') {
      return new UploadError(typeof body.error.code === 'string' ? body.error.code : `HTTP_${status}`, body.error.message, status);
    }
  } catch {
    // not JSON: fall through to a message from the status
  }
  if (status === 413) return new UploadError('TOO_LARGE', 'the file is larger than the platform accepts', status);
  if (status === 0) return new UploadError('NETWORK', 'the upload was interrupted: the dashboard server did not answer', status);
  return new UploadError(`HTTP_${status}`, `the upload failed with HTTP ${status}`, status);
}

export type XhrFactory = () => XMLHttpRequest;

export function uploadVideo(
  upload: VideoUpload,
  onProgress: (loaded: number, total: number) => void,
  createXhr: XhrFactory = () => new XMLHttpRequest(),
): { done: Promise<UploadAccepted>; abort(): void } {
  const xhr = createXhr();
  const done = new Promise<UploadAccepted>((resolve, reject) => {
    const params = new URLSearchParams({ datasetId: upload.datasetId, split: upload.split, name: upload.name });
    xhr.open('POST', `/uploads?${params.toString()}`);
    // a header a page of another origin cannot send without a CORS preflight: the proxy and the API refuse uploads without it
    xhr.setRequestHeader('x-requested-with', 'XMLHttpRequest');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : upload.file.size);
    xhr.onerror = () => reject(uploadErrorFrom(0, ''));
    xhr.onabort = () => reject(new UploadError('ABORTED', 'the upload was cancelled', 0));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          const body = JSON.parse(xhr.responseText) as Partial<UploadAccepted>;
          if (typeof body.jobId === 'string') {
            resolve({ jobId: body.jobId, videoName: body.videoName ?? upload.name });
            return;
          }
        } catch {
          // reported below
        }
        reject(new UploadError('BAD_RESPONSE', 'the platform accepted the upload but did not say which import job it started', xhr.status));
        return;
      }
      reject(uploadErrorFrom(xhr.status, xhr.responseText));
    };
    const form = new FormData();
    form.append('file', upload.file, upload.fileName ?? upload.name);
    if (upload.labels !== undefined) form.append('labels', upload.labels);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
