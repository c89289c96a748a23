import { parseLabelsByVideo } from './parse-labels-by-video';

const videos = [
  { id: 'a', name: '01', frameCount: 3 },
  { id: 'b', name: '02', frameCount: 4 },
];

describe('parseLabelsByVideo', () => {
  it('matches each video by name, in either form, and reports the names the data set lacks', () => {
    expect(parseLabelsByVideo(JSON.stringify({ '01': [0, 1, 1], '02': [[1, 2]], '13': [0] }), videos)).toEqual({
      ok: true,
      entries: [
        { video: videos[0], labels: { kind: 'labels', labels: [0, 1, 1] } },
        { video: videos[1], labels: { kind: 'intervals', intervals: [[1, 2]] } },
      ],
      unknownNames: ['13'],
    });
  });

  it('names the video whose ground truth does not fit it, and refuses a file of other videos', () => {
    expect(parseLabelsByVideo(JSON.stringify({ '01': [0, 1] }), videos)).toEqual({
      ok: false,
      message: expect.stringMatching(/^video "01": the ground truth has 2 labels but the video has 3 frames/),
    });
    expect(parseLabelsByVideo(JSON.stringify({ '07': [0] }), videos)).toEqual({ ok: false, message: 'none of its videos (07) is in this data set' });
    expect(parseLabelsByVideo('[0,1]', videos)).toMatchObject({ ok: false, message: expect.stringMatching(/JSON object/) });
  });
});
