import { uploadErrorFrom, uploadVideo, UploadError } from './upload-video';

/** A stand-in XMLHttpRequest that the test drives by hand. */
class FakeXhr {
  method = '';
  url = '';
  status = 0;
  responseText = '';
  responseType = '';
  sent: FormData | undefined;
  headers: Record<string, string> = {};
  upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.sent = body;
  }
  abort() {
    this.onabort?.();
  }
  respond(status: number, text: string) {
    this.status = status;
    this.responseText = text;
    this.onload?.();
  }
}

const start = (labels?: string, fileName?: string) => {
  const xhr = new FakeXhr();
  const progress: [number, number][] = [];
  const upload = uploadVideo(
    { datasetId: 'd 1', split: 'test', name: 'walk', file: new Blob(['abc']), fileName, labels },
    (loaded, total) => progress.push([loaded, total]),
    () => xhr as unknown as XMLHttpRequest,
  );
  return { xhr, progress, upload };
};

describe('uploadVideo', () => {
  it('posts the file with its data set, split and name, and reports progress', async () => {
    const { xhr, progress, upload } = start('[0,1]');
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/uploads?datasetId=d+1&split=test&name=walk');
    expect(xhr.sent?.get('file')).toBeInstanceOf(Blob);
    expect(xhr.sent?.get('labels')).toBe('[0,1]');
    // without it, the dashboard's proxy and the API refuse the upload as possibly cross-site
    expect(xhr.headers['x-requested-with']).toBe('XMLHttpRequest');
    xhr.upload.onprogress?.({ loaded: 2, total: 3, lengthComputable: true });
    xhr.respond(202, JSON.stringify({ jobId: 'job-9', videoName: 'walk' }));
    await expect(upload.done).resolves.toEqual({ jobId: 'job-9', videoName: 'walk' });
    expect(progress).toEqual([[2, 3]]);
  });

  it('sends the file under its own name, whose extension tells the platform the container', () => {
    const { xhr } = start(undefined, 'walk.mp4');
    expect((xhr.sent?.get('file') as File).name).toBe('walk.mp4');
  });

  it('sends no labels field when there is no ground truth', () => {
    const { xhr } = start();
    expect(xhr.sent?.has('labels')).toBe(false);
  });

  it('rejects with the API error message', async () => {
    const { xhr, upload } = start();
    xhr.respond(400, JSON.stringify({ error: { code: 'UNSUPPORTED_VIDEO', message: 'walk: not a video ffmpeg can decode' } }));
    await expect(upload.done).rejects.toMatchObject({ code: 'UNSUPPORTED_VIDEO', message: 'walk: not a video ffmpeg can decode', status: 400 });
  });

  it('rejects when the platform accepts without a job id', async () => {
    const { xhr, upload } = start();
    xhr.respond(202, '{}');
    await expect(upload.done).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('can be cancelled', async () => {
    const { upload } = start();
    upload.abort();
    await expect(upload.done).rejects.toBeInstanceOf(UploadError);
  });
});

describe('uploadErrorFrom', () => {
  it('explains statuses that come without a JSON body', () => {
    expect(uploadErrorFrom(413, '<html>').message).toMatch(/larger than the platform accepts/);
    expect(uploadErrorFrom(0, '').code).toBe('NETWORK');
    expect(uploadErrorFrom(500, 'oops').message).toBe('the upload failed with HTTP 500');
  });
});
