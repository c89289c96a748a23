import { LocalStorage } from '@vad/storage';
import { publicErrorMessage } from './public-error-message';

describe('publicErrorMessage', () => {
  it('shortens absolute paths to their last part, quoted or not', () => {
    expect(publicErrorMessage('/home/vad/data/artifacts/teams/t1/videos/4f.mp4 cannot be read as a video (ffmpeg: /tmp/x/y.mp4: Invalid data)')).toBe(
      '4f.mp4 cannot be read as a video (ffmpeg: y.mp4: Invalid data)',
    );
    expect(publicErrorMessage(`cannot write "teams/t/maps/m.bin" in /srv/vad/artifacts: the disk is full (ENOSPC)`)).toBe(
      'cannot write "teams/t/maps/m.bin" in artifacts: the disk is full (ENOSPC)',
    );
    expect(publicErrorMessage("EROFS: read-only file system, open '/data/cache/frames/ab/x.frames'")).toBe("EROFS: read-only file system, open 'x.frames'");
  });

  it('leaves relative paths, URLs, ratios and plain text alone', () => {
    const text = 'labels for test/01 at http://host:4000/files/x, 3/4 done, loss 0.5 / 1';
    expect(publicErrorMessage(text)).toBe(text);
  });

  it('names a file in storage by its key', () => {
    const storage = new LocalStorage('/home/vad/data/artifacts');
    expect(publicErrorMessage('/home/vad/data/artifacts/teams/t1/videos/4f.mp4 cannot be read as a video (ffmpeg: /tmp/x/y.mp4: Invalid data)', storage)).toBe(
      'teams/t1/videos/4f.mp4 cannot be read as a video (ffmpeg: y.mp4: Invalid data)',
    );
  });
});
