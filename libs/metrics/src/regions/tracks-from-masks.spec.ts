import { tracksFromMasks } from './tracks-from-masks';

function mask(rows: string[]) {
  return { width: rows[0].length, height: rows.length, data: Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 255 : 0)) };
}

describe('tracksFromMasks', () => {
  it('links a moving blob over consecutive frames into one track', () => {
    const regions = tracksFromMasks('01', [mask(['##....', '##....']), mask(['.##...', '.##...']), mask(['..##..', '..##..'])]);
    expect(regions).toEqual([
      { video: '01', track: '0', frame: 0, box: [0, 0, 1, 1] },
      { video: '01', track: '0', frame: 1, box: [1, 0, 2, 1] },
      { video: '01', track: '0', frame: 2, box: [2, 0, 3, 1] },
    ]);
  });

  it('gives separate objects separate tracks', () => {
    const frame = mask(['#....#', '#....#']);
    expect(tracksFromMasks('01', [frame, frame]).map((r) => r.track)).toEqual(['0', '1', '0', '1']);
  });

  it('starts a new track after a frame without overlap', () => {
    const on = mask(['##', '##']);
    const off = mask(['..', '..']);
    expect(tracksFromMasks('01', [on, off, on]).map((r) => r.track)).toEqual(['0', '1']);
  });

  it('joins merging objects to the track they overlap most', () => {
    // Frame 0: a 1-px object (track 0) and a 3-px object (track 1). Frame 1: one object covering both.
    const regions = tracksFromMasks('01', [mask(['#.###']), mask(['#####'])]);
    expect(regions.map((r) => [r.frame, r.track])).toEqual([
      [0, '0'],
      [0, '1'],
      [1, '1'],
    ]);
  });

  it('keeps the pieces of a splitting object in its track', () => {
    const regions = tracksFromMasks('01', [mask(['#####']), mask(['##.##'])]);
    expect(regions.map((r) => r.track)).toEqual(['0', '0', '0']);
  });

  it('ignores components smaller than minArea', () => {
    expect(tracksFromMasks('01', [mask(['#...##'])], { minArea: 2 }).map((r) => r.box)).toEqual([[4, 0, 5, 0]]);
  });
});
