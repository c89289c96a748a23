import { rowFromJsonb } from './row-from-jsonb';

describe('rowFromJsonb', () => {
  it('revives to_jsonb timestamps as the UTC instants Prisma reads, whatever their fraction', () => {
    const row = rowFromJsonb<{ a: Date; b: Date; c: Date }>({ a: '2026-11-28T14:18:31.14', b: '2026-11-28T14:18:31', c: '2026-01-02T03:04:05.123' });
    expect(row.a).toEqual(new Date(Date.UTC(2026, 10, 28, 14, 18, 31, 140)));
    expect(row.b).toEqual(new Date(Date.UTC(2026, 10, 28, 14, 18, 31)));
    expect(row.c.toISOString()).toBe('2026-01-02T03:04:05.123Z');
  });

  it('leaves other columns, and timestamps inside JSON columns, as they are', () => {
    const json = { id: 'x', name: '2026-11-28', count: 3, missing: null, metrics: { at: '2026-11-28T14:18:31.14' }, zoned: '2026-11-28T14:18:31Z' };
    expect(rowFromJsonb(json)).toEqual(json);
  });
});
