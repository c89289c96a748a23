import { csvTable } from './csv-table';

describe('csvTable', () => {
  it('writes a header and rows, quoting what needs it and leaving null fields empty', () => {
    expect(
      csvTable(
        ['name', 'auc', 'note'],
        [
          ['a, "b"', 0.5, null],
          ['line\nbreak', -1, true],
        ],
      ),
    ).toBe('name,auc,note\r\n"a, ""b""",0.5,\r\n"line\nbreak",-1,true\r\n');
  });

  it('keeps user text from running as a spreadsheet formula, numbers untouched', () => {
    expect(csvTable(['x'], [['=HYPERLINK("http://evil")'], ['@SUM(A1)'], ['+1'], [-2]])).toBe(
      'x\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'@SUM(A1)\r\n\'+1\r\n-2\r\n',
    );
  });
});
