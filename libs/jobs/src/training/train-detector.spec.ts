import { defaultValidationVideos } from './train-detector';

describe('defaultValidationVideos', () => {
  it('holds out one training video in eight, at least one from 4 videos on, none below', () => {
    expect([1, 3, 4, 8, 12, 16, 20, 40].map(defaultValidationVideos)).toEqual([0, 0, 1, 1, 2, 2, 3, 5]);
  });
});
