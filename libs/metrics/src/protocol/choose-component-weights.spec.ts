import { MetricsError } from '../metrics.error';
import { chooseComponentWeights, simplexWeights } from './choose-component-weights';
import type { MapComponents } from './combine-components';
import type { ComponentStatistics } from './component-normalisation';
import { PAPER_WEIGHTS } from './protocol-presets';

const unit = { location: 0, scale: 1 };
const statistics: ComponentStatistics = { teacherError: { frame: unit }, discrepancy: { frame: unit }, classifier: unit };

/** Frames of two cells; each component gives one value per frame (cell 0), the other cell 0. */
function frames(values: { teacherError: number[]; discrepancy: number[]; classifier: number[] }): MapComponents {
  const maps = (v: number[]) => ({ channels: 1, maps: v.map((x) => ({ width: 2, height: 1, data: Float32Array.of(x, 0) })) });
  return { teacherError: { frame: maps(values.teacherError) }, discrepancy: { frame: maps(values.discrepancy) }, classifier: values.classifier };
}

describe('simplexWeights', () => {
  it('spans the simplex, leaving out what the model lacks', () => {
    expect(simplexWeights(0.1, { teacherError: true, discrepancy: true, classifier: true })).toHaveLength(66);
    const noStudent = simplexWeights(0.1, { teacherError: true, discrepancy: false, classifier: true });
    expect(noStudent).toHaveLength(11);
    expect(noStudent.every((w) => w.discrepancy === 0 && Math.abs(w.teacherError + w.classifier - 1) < 1e-12)).toBe(true);
  });

  it('refuses a step that does not divide 1', () => {
    expect(() => simplexWeights(0.3, { teacherError: true, discrepancy: true, classifier: true })).toThrow(MetricsError);
  });
});

describe('chooseComponentWeights', () => {
  const labels = [0, 0, 0, 1, 1, 1];
  // The teacher error separates the pseudo-anomalies; the discrepancy and the classifier rank them backwards.
  const separating = frames({ teacherError: [0, 1, 2, 8, 9, 10], discrepancy: [9, 8, 7, 1, 0, 2], classifier: [3, 2, 3, 0, 1, 0] });

  it('picks the weights that separate the pseudo-anomalies, and reports the reference beside them', () => {
    const choice = chooseComponentWeights([{ name: 'pasted', components: separating, labels }], statistics, { reference: PAPER_WEIGHTS });
    expect(choice.auc).toBe(1);
    // of the weights that reach 1, one closest to the reference (two are 0.2 away; grid order decides)
    expect(choice.weights).toEqual({ teacherError: 0.5, discrepancy: 0.2, classifier: 0.3 });
    expect(choice.referenceAuc).toBeLessThan(1);
    expect(choice.aucBySet).toEqual({ pasted: 1 });
    expect(choice.candidates).toBe(66);
  });

  it('averages the sets: a component that only one set rewards does not win alone', () => {
    // set B: only the classifier separates
    const other = frames({ teacherError: [9, 8, 7, 1, 0, 2], discrepancy: [0, 0, 0, 0, 0, 0], classifier: [0, 1, 0, 9, 8, 9] });
    const both = chooseComponentWeights(
      [
        { name: 'a', components: separating, labels },
        { name: 'b', components: other, labels },
      ],
      statistics,
      { reference: PAPER_WEIGHTS },
    );
    const classifierOnly = chooseComponentWeights([{ name: 'b', components: other, labels }], statistics, { reference: PAPER_WEIGHTS });
    expect(classifierOnly.auc).toBe(1);
    expect(classifierOnly.weights.classifier).toBeGreaterThan(classifierOnly.weights.teacherError);
    expect(both.auc).toBeGreaterThan(0.5 * (1 + 0.5));
    expect(both.weights.teacherError).toBeGreaterThan(0);
    expect(both.weights.classifier).toBeGreaterThan(0);
  });

  it('keeps the reference weights when every candidate ranks alike', () => {
    const same = frames({ teacherError: [0, 0, 0, 1, 1, 1], discrepancy: [0, 0, 0, 1, 1, 1], classifier: [0, 0, 0, 1, 1, 1] });
    expect(chooseComponentWeights([{ name: 'a', components: same, labels }], statistics, { reference: PAPER_WEIGHTS }).weights).toEqual(PAPER_WEIGHTS);
  });

  it('refuses a set with no pseudo-anomaly, and no sets at all', () => {
    expect(() => chooseComponentWeights([{ name: 'a', components: separating, labels: [0, 0, 0, 0, 0, 0] }], statistics, { reference: PAPER_WEIGHTS })).toThrow(
      /pseudo-anomaly set "a"/,
    );
    expect(() => chooseComponentWeights([], statistics, { reference: PAPER_WEIGHTS })).toThrow(MetricsError);
  });
});
