import { fieldList, percent, textTable } from './text-table';

describe('text output', () => {
  it('pads columns, right-aligns numeric ones and shows missing values as a dash', () => {
    expect(
      textTable(
        ['model', 'rank', 'auc'],
        [
          ['sdmae v2', 1, '94.1'],
          ['baseline', null, null],
        ],
      ),
    ).toBe(['model     rank  auc', '────────  ────  ────', 'sdmae v2     1  94.1', 'baseline     —  —'].join('\n') + '\n');
  });

  it('writes AUCs as percentages and records as label: value lines', () => {
    expect(percent(0.9412)).toBe('94.1');
    expect(percent(null)).toBeNull();
    expect(
      fieldList([
        ['status', 'SUCCEEDED'],
        ['error', null],
      ]),
    ).toBe('status  SUCCEEDED\nerror   —\n');
  });
});
