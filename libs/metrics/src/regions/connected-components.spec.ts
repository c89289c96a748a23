import fc from 'fast-check';
import { connectedComponents } from './connected-components';

/** Mask from rows of '#' (on) and '.' (off). */
function mask(rows: string[]) {
  const width = rows[0].length;
  const data = Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0));
  return { width, height: rows.length, data };
}

describe('connectedComponents', () => {
  const picture = mask(['##....', '##..#.', '.....#', '#.....']);

  it('finds components with inclusive boxes and pixel areas (8-connectivity)', () => {
    const { components } = connectedComponents(picture);
    expect(components.map(({ box, area }) => ({ box, area }))).toEqual([
      { box: [0, 0, 1, 1], area: 4 },
      { box: [4, 1, 5, 2], area: 2 },
      { box: [0, 3, 0, 3], area: 1 },
    ]);
  });

  it('separates diagonal neighbours with 4-connectivity', () => {
    expect(connectedComponents(picture, 4).components).toHaveLength(4);
  });

  it('labels every on pixel and only those, with areas that add up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.infiniteStream(fc.boolean()), (width, height, bits) => {
        const values = [...bits.take(width * height)];
        const data = Uint8Array.from(values, (b) => (b ? 1 : 0));
        const { labels, components } = connectedComponents({ width, height, data });
        data.forEach((v, i) => expect(labels[i] !== 0).toBe(v === 1));
        expect(components.reduce((sum, c) => sum + c.area, 0)).toBe(values.filter(Boolean).length);
        components.forEach((c) => {
          for (let i = 0; i < labels.length; i++) {
            if (labels[i] !== c.label) continue;
            const x = i % width;
            const y = Math.floor(i / width);
            expect(x >= c.box[0] && x <= c.box[2] && y >= c.box[1] && y <= c.box[3]).toBe(true);
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});
