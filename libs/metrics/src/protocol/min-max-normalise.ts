// Per-video min–max normalisation to [0, 1]. It changes nothing within a video's ranking (macro AUC) but
// puts videos on one scale before they are pooled (micro AUC), as the authors do on ShanghaiTech.

/** @example minMaxNormalise([2, 4, 3]) // [0, 1, 0.5]; a constant video gives all zeros (it carries no ranking). */
export function minMaxNormalise(scores: ArrayLike<number>): Float64Array {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < scores.length; t++) {
    if (scores[t] < min) min = scores[t];
    if (scores[t] > max) max = scores[t];
  }
  const out = new Float64Array(scores.length);
  const range = max - min;
  if (!(range > 0)) return out;
  for (let t = 0; t < scores.length; t++) out[t] = (scores[t] - min) / range;
  return out;
}
