import { sortNatural } from './natural-order';

describe('sortNatural', () => {
  it('orders numbered frames by number, padded or not', () => {
    expect(sortNatural(['10.png', '2.png', '1.png'])).toEqual(['1.png', '2.png', '10.png']);
    expect(sortNatural(['frame_010.jpg', 'frame_009.jpg'])).toEqual(['frame_009.jpg', 'frame_010.jpg']);
  });
});
