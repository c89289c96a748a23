import { matchVideoName, videoNumber } from './video-name-match';

describe('matchVideoName', () => {
  it('matches exact names, ground-truth suffixes and numbered spellings', () => {
    const names = ['Test001', 'Test002', 'Test010'];
    expect(matchVideoName('Test002', names)).toBe('Test002');
    expect(matchVideoName('Test001_gt', names)).toBe('Test001');
    expect(matchVideoName('01', names)).toBe('Test001');
    expect(matchVideoName('10_label', names)).toBe('Test010');
    expect(matchVideoName('3', names)).toBeUndefined();
  });

  it('never matches by number when names carry other digits (ShanghaiTech 01_0014)', () => {
    expect(videoNumber('01_0014')).toBeUndefined();
    expect(matchVideoName('14', ['01_0014', '02_0014'])).toBeUndefined();
  });

  it('refuses an ambiguous number', () => {
    expect(matchVideoName('1', ['01', 'Test001'])).toBeUndefined();
  });
});
