import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UploadPanel } from './upload-panel';
import type { UploadAccepted, VideoUpload } from './upload-video';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('UploadPanel', () => {
  it('uploads a video with its ground truth, shows byte progress, then the import job, then success', async () => {
    const user = userEvent.setup();
    const sent: VideoUpload[] = [];
    const accepted = deferred<UploadAccepted>();
    const imported = deferred<void>();
    let progress: (loaded: number, total: number) => void = () => undefined;
    let importProgress: (fraction: number | null) => void = () => undefined;
    const onImported = jest.fn();
    render(
      <UploadPanel
        datasetId="d1"
        defaultSplit="test"
        onImported={onImported}
        upload={(upload, onProgress) => {
          sent.push(upload);
          progress = onProgress;
          return { done: accepted.promise };
        }}
        waitForImport={(_jobId, onProgress) => {
          importProgress = onProgress;
          return imported.promise;
        }}
      />,
    );
    await user.upload(screen.getByLabelText('Videos'), new File(['video-bytes'], 'walk01.mp4', { type: 'video/mp4' }));
    await user.upload(screen.getByLabelText('Ground truth (optional)'), new File(['[[2,4]]'], 'walk01.json', { type: 'application/json' }));
    expect(screen.getByText(/walk01.mp4 .* with ground truth walk01.json/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Upload 1 video to test' }));

    expect(sent[0]).toMatchObject({ datasetId: 'd1', split: 'test', name: 'walk01', fileName: 'walk01.mp4', labels: '[[2,4]]' });
    act(() => progress(50, 200));
    const item = screen.getByTestId('upload-item');
    expect(within(item).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    expect(within(item).getByText('uploading 25 %')).toBeInTheDocument();

    await act(async () => accepted.resolve({ jobId: 'job-1', videoName: 'walk01' }));
    expect(within(item).getByText('importing (decoding frames)…')).toBeInTheDocument();
    act(() => importProgress(0.5));
    expect(within(item).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');

    await act(async () => imported.resolve());
    expect(within(item).getByText('imported')).toBeInTheDocument();
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('shows the reason when the platform refuses a file, and sends nothing for broken ground truth', async () => {
    const user = userEvent.setup();
    const sent: string[] = [];
    render(
      <UploadPanel
        datasetId="d1"
        defaultSplit="test"
        onImported={() => undefined}
        upload={(upload) => {
          sent.push(upload.name);
          return { done: Promise.reject(new Error('walk02: not a video ffmpeg can decode')) };
        }}
        waitForImport={() => Promise.resolve()}
      />,
    );
    await user.upload(screen.getByLabelText('Videos'), [
      new File(['x'], 'walk02.mp4', { type: 'video/mp4' }),
      new File(['y'], 'walk03.mp4', { type: 'video/mp4' }),
    ]);
    await user.upload(screen.getByLabelText('Ground truth (optional)'), new File(['[0,1'], 'walk03.json', { type: 'application/json' }));
    await user.click(screen.getByRole('button', { name: 'Upload 2 videos to test' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual([
      'failed: walk02: not a video ffmpeg can decode',
      expect.stringMatching(/^failed: walk03.json: the ground truth is not valid JSON/),
    ]);
    expect(sent).toEqual(['walk02']);
  });

  it('starts on the training split unless told otherwise', async () => {
    const user = userEvent.setup();
    render(<UploadPanel datasetId="d1" onImported={() => undefined} upload={() => ({ done: new Promise<UploadAccepted>(() => undefined) })} />);
    await user.upload(screen.getByLabelText('Videos'), new File(['video-bytes'], 'train01.mp4', { type: 'video/mp4' }));
    expect(screen.getByRole('button', { name: 'Upload 1 video to train' })).toBeInTheDocument();
  });
});
