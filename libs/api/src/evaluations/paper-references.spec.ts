import { paperReferences } from './paper-references';

describe('paperReferences', () => {
  it("shows the paper's figures beside a benchmark's whole test split only", () => {
    expect(paperReferences('UCSD Ped2', 'ucsd', 12)).toMatchObject([{ microAuc: 0.954, macroAuc: 0.984 }]);
    expect(paperReferences('ped2-mini', 'upload', 3)).toEqual([]);
    expect(paperReferences('ped2', 'ucsd', undefined)).toEqual([]);
    // fractions, as evaluations store every metric (RBDC and TBDC included)
    expect(paperReferences('campus', 'avenue', 21)).toMatchObject([{ microAuc: 0.913, rbdc: 0.4677, tbdc: 0.6658 }]);
    expect(paperReferences('my street', 'upload', 12)).toEqual([]);
  });
});
