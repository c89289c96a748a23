import { DataError, DataErrorCode } from '@vad/data';
import { folderImportFailure } from './folder-import-failure';

describe('folderImportFailure', () => {
  it('says what kind of problem it was without quoting the file or naming paths outside the folder', () => {
    const leak = new DataError(DataErrorCode.LabelsUnknownVideo, '/srv/app/package.json: "dependencies" matches no test video', '/srv/app/package.json');
    const message = folderImportFailure(leak, '/data/sets/ped2').message;
    expect(message).toBe(
      'the folder could not be imported: the frame labels name a video the data set does not have [LABELS_UNKNOWN_VIDEO]; the server’s log has the details',
    );
    expect(message).not.toMatch(/dependencies|\/srv/);
  });

  it('names a file inside the imported folder by its relative path', () => {
    const corrupt = new DataError(DataErrorCode.CorruptVideo, '/data/sets/ped2/test/03.mp4 is corrupt: ffmpeg said …', '/data/sets/ped2/test/03.mp4');
    expect(folderImportFailure(corrupt, '/data/sets/ped2').message).toBe(
      'the folder could not be imported: a video is corrupt (test/03.mp4) [CORRUPT_VIDEO]; the server’s log has the details',
    );
  });
});
