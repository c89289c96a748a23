import { parse } from 'graphql';
import { assertNoNulCharacters } from './nul-characters';

describe('assertNoNulCharacters', () => {
  const document = parse('query($id: ID!) { dataset(id: $id) { id } }');

  it('refuses NUL in a variable, however deep, and in a string literal', () => {
    expect(() => assertNoNulCharacters(document, { id: 'a\u0000b' })).toThrow('text may not contain the NUL character');
    expect(() => assertNoNulCharacters(document, { input: { names: ['ok', { key: '\u0000' }] } })).toThrow('NUL');
    expect(() => assertNoNulCharacters(parse('{ dataset(id: "x\\u0000") { id } }'), {})).toThrow('NUL');
  });

  it('accepts ordinary text', () => {
    expect(() => assertNoNulCharacters(document, { id: 'ünïcode – fine', n: 3, list: [null, true] })).not.toThrow();
  });
});
