import { MetricsErrorCode } from '../metrics.error';
import { assertProtocol, type PostProcessingProtocol } from './protocol';
import { protocolPreset } from './protocol-presets';

function withParameters(changes: Partial<PostProcessingProtocol['parameters']>): PostProcessingProtocol {
  const base = protocolPreset('paper');
  return { ...base, parameters: { ...base.parameters, ...changes } };
}

describe('assertProtocol', () => {
  it.each(['paper', 'reference-code'] as const)('accepts the %s preset', (name) => {
    expect(() => assertProtocol(protocolPreset(name))).not.toThrow();
  });

  it.each([
    ['a NaN weight', withParameters({ weights: { teacherError: Number.NaN, discrepancy: 0, classifier: 0 } }), 'weights.teacherError'],
    [
      'a negative filter σ',
      withParameters({ spatioTemporalFilter: { sigmaSpatial: -1, radiusSpatial: 1, sigmaTemporal: 1, radiusTemporal: 1 } }),
      'sigmaSpatial',
    ],
    [
      'a fractional radius',
      withParameters({ spatioTemporalFilter: { sigmaSpatial: 1, radiusSpatial: 1.5, sigmaTemporal: 1, radiusTemporal: 1 } }),
      'radiusSpatial',
    ],
    ['an even centred kernel', withParameters({ frameSteps: [{ kind: 'temporal-gaussian', sigma: 2, taps: 8, variant: 'centred' }] }), 'must be odd'],
    ['a zero σ', withParameters({ frameSteps: [{ kind: 'temporal-gaussian', sigma: 0, taps: 9, variant: 'centred' }] }), 'sigma'],
    ['an unknown reduction', withParameters({ frameReduction: 'median' as 'max' }), 'frameReduction'],
    ['an unknown step', withParameters({ frameSteps: [{ kind: 'median-filter' } as unknown as { kind: 'min-max-normalise' }] }), 'median-filter'],
  ])('rejects %s, naming the field', (_, protocol, field) => {
    expect(() => assertProtocol(protocol)).toThrow(expect.objectContaining({ code: MetricsErrorCode.InvalidParameter }));
    expect(() => assertProtocol(protocol)).toThrow(field);
  });
});
