import { parseLabels } from './parse-labels';

describe('parseLabels', () => {
  it('reads one 0/1 label per frame', () => {
    expect(parseLabels('[0,0,1,1,0]')).toEqual({ ok: true, value: { kind: 'labels', labels: [0, 0, 1, 1, 0] } });
  });

  it('reads inclusive intervals', () => {
    expect(parseLabels('[[3,7],[10,10]]', 20)).toEqual({
      ok: true,
      value: {
        kind: 'intervals',
        intervals: [
          [3, 7],
          [10, 10],
        ],
      },
    });
  });

  it('explains a label count that does not match the video', () => {
    const result = parseLabels('[0,1,0]', 4);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('3 labels but the video has 4 frames') });
  });

  it('rejects a reversed or out-of-range interval', () => {
    expect(parseLabels('[[5,2]]')).toMatchObject({ ok: false, message: expect.stringContaining('[5,2]') });
    expect(parseLabels('[[5,12]]', 10)).toMatchObject({ ok: false, message: expect.stringContaining('10 frames') });
  });

  it('rejects broken JSON and mixed content', () => {
    expect(parseLabels('[0,1')).toMatchObject({ ok: false, message: expect.stringContaining('not valid JSON') });
    expect(parseLabels('[0,[1,2]]')).toMatchObject({ ok: false });
    expect(parseLabels('[]')).toMatchObject({ ok: false });
  });
});
