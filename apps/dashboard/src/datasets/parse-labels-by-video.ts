// A labels file for several videos, as the CLI takes it: {"01": [0,1,…], "02": [[start,end],…], …}, each video's
// ground truth in either form of parse-labels. Each entry is checked against the video of that name; videos the
// file names but the data set lacks are reported, not guessed.
import { parseLabels, type ParsedLabels } from './parse-labels';

export interface NamedVideo {
  id: string;
  name: string;
  frameCount: number;
}

export type LabelsByVideoResult = { ok: true; entries: { video: NamedVideo; labels: ParsedLabels }[]; unknownNames: string[] } | { ok: false; message: string };

export function parseLabelsByVideo(text: string, videos: readonly NamedVideo[]): LabelsByVideoResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'not valid JSON; give {"<video>": [0,1,…] or [[start,end],…], …}' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'a labels file for several videos is a JSON object: {"<video>": [0,1,…] or [[start,end],…], …}' };
  }
  const byName = new Map(videos.map((video) => [video.name, video]));
  const entries: { video: NamedVideo; labels: ParsedLabels }[] = [];
  const unknownNames: string[] = [];
  for (const [name, labels] of Object.entries(value as Record<string, unknown>)) {
    const video = byName.get(name);
    if (!video) {
      unknownNames.push(name);
      continue;
    }
    const parsed = parseLabels(JSON.stringify(labels), video.frameCount);
    if (!parsed.ok) return { ok: false, message: `video "${name}": ${parsed.message}` };
    entries.push({ video, labels: parsed.value });
  }
  if (entries.length === 0) {
    return { ok: false, message: `none of its videos (${Object.keys(value).slice(0, 5).join(', ') || 'none'}) is in this data set` };
  }
  return { ok: true, entries, unknownNames: unknownNames.sort() };
}
