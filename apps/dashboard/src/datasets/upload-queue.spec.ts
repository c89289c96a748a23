import { applyUploadEvent, itemFraction, itemStatusText, matchLabelFiles, queueFiles, videoNameOf } from './upload-queue';

describe('upload queue', () => {
  const [item] = queueFiles([{ name: 'walk.mp4', size: 1000 }], 1);

  it('starts every file queued at zero', () => {
    expect(item).toMatchObject({ status: 'queued', loaded: 0, size: 1000 });
    expect(itemFraction(item)).toBe(0);
  });

  it('follows the bytes while uploading', () => {
    const [next] = applyUploadEvent([item], { type: 'progress', key: item.key, loaded: 250, total: 1000 });
    expect(next.status).toBe('uploading');
    expect(itemFraction(next)).toBe(0.25);
    expect(itemStatusText(next)).toBe('uploading 25 %');
  });

  it('moves to the import job once accepted, then to done', () => {
    let items = applyUploadEvent([item], { type: 'accepted', key: item.key, jobId: 'j1' });
    expect(items[0]).toMatchObject({ status: 'importing', jobId: 'j1', loaded: 1000 });
    expect(itemFraction(items[0])).toBeUndefined();
    items = applyUploadEvent(items, { type: 'import-progress', key: item.key, fraction: 0.4 });
    expect(itemStatusText(items[0])).toBe('importing 40 %');
    items = applyUploadEvent(items, { type: 'imported', key: item.key });
    expect(items[0].status).toBe('done');
    expect(itemFraction(items[0])).toBe(1);
  });

  it('keeps the reason of a failure', () => {
    const [failed] = applyUploadEvent([item], { type: 'failed', key: item.key, error: 'not a video' });
    expect(itemStatusText(failed)).toBe('failed: not a video');
  });

  it('leaves other items alone', () => {
    const items = queueFiles(
      [
        { name: 'a.mp4', size: 10 },
        { name: 'b.mp4', size: 10 },
      ],
      2,
    );
    const next = applyUploadEvent(items, { type: 'progress', key: items[0].key, loaded: 5, total: 10 });
    expect(next[1]).toBe(items[1]);
  });
});

describe('matchLabelFiles', () => {
  it('pairs videos and label files by base name, case-insensitively', () => {
    const pairs = matchLabelFiles([{ name: 'Cam01.mp4' }, { name: 'cam02.avi' }], [{ name: 'cam01.json' }]);
    expect(pairs).toEqual([
      { video: { name: 'Cam01.mp4' }, labels: { name: 'cam01.json' } },
      { video: { name: 'cam02.avi' }, labels: undefined },
    ]);
  });
});

describe('videoNameOf', () => {
  it('drops the extension only', () => {
    expect(videoNameOf('day.2.walk.mp4')).toBe('day.2.walk');
  });
});
