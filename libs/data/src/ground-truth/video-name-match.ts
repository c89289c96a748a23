// Matches names in ground-truth files to video names when they are spelled differently:
// "Test001", "01", "1" and "1_label" all name video 1 in the field's releases.

/** Suffixes that ground-truth files and folders add to a video's name. */
const GROUND_TRUTH_SUFFIXES = /(_gt|_label|_labels|_mask|_masks)$/i;

/** The number a name ends in when it is only letters then digits ("Test001" → 1, "01" → 1), else undefined. */
export function videoNumber(name: string): number | undefined {
  const match = /^[A-Za-z_-]*?0*(\d+)$/.exec(name.replace(GROUND_TRUTH_SUFFIXES, ''));
  return match === null ? undefined : Number(match[1]);
}

/**
 * The video a ground-truth key refers to: the same name, the name without a ground-truth suffix, or
 * the same number when exactly one video has it. Undefined when nothing (or more than one) matches.
 */
export function matchVideoName(key: string, videoNames: readonly string[]): string | undefined {
  if (videoNames.includes(key)) return key;
  const bare = key.replace(GROUND_TRUTH_SUFFIXES, '');
  if (videoNames.includes(bare)) return bare;
  const number = videoNumber(key);
  if (number === undefined) return undefined;
  const candidates = videoNames.filter((name) => videoNumber(name) === number);
  return candidates.length === 1 ? candidates[0] : undefined;
}
