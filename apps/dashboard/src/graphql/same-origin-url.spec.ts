import { sameOriginUrl } from './same-origin-url';

describe('sameOriginUrl', () => {
  it('keeps a path as it is', () => {
    expect(sameOriginUrl('/files/videos/v1/frames/3.png')).toBe('/files/videos/v1/frames/3.png');
  });

  it('drops the API origin of an absolute URL but keeps its query', () => {
    expect(sameOriginUrl('http://127.0.0.1:4000/files/runs/r1/maps/7.png?component=teacher')).toBe('/files/runs/r1/maps/7.png?component=teacher');
  });
});
