import type { JobHandlers } from './job-handler';
import { selectKinds } from './platform-worker';

const handler = async () => undefined;
const all: JobHandlers = { IMPORT: handler, TRAIN: handler, INFER: handler, EVALUATE: handler };

describe('selectKinds', () => {
  it('keeps every kind by default and only the listed ones otherwise', () => {
    expect(Object.keys(selectKinds(all, undefined))).toEqual(['IMPORT', 'TRAIN', 'INFER', 'EVALUATE']);
    expect(Object.keys(selectKinds(all, 'train, infer'))).toEqual(['TRAIN', 'INFER']);
  });

  it('names the kinds it does not know', () => {
    expect(() => selectKinds(all, 'TRAIN,GPU')).toThrow('job kinds are IMPORT, TRAIN, INFER, EVALUATE; unknown: GPU');
  });
});
