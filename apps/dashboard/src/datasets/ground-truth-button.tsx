// Sets or replaces a video's ground truth from a JSON file ([0,1,…] per frame or [[start,end],…]).
'use client';
import { useId, useState } from 'react';
import { InlineError } from '../feedback/error-state';
import { useMutation } from '../graphql/use-mutation';
import { SetFrameLabelsMutation } from './datasets.operations';
import { parseLabels } from './parse-labels';
import { readFileText } from './read-file-text';

export function GroundTruthButton({ videoId, videoName, frameCount, onSaved }: { videoId: string; videoName: string; frameCount: number; onSaved(): void }) {
  const id = useId();
  const save = useMutation(SetFrameLabelsMutation);
  const [problem, setProblem] = useState<string>();
  return (
    <span>
      <label htmlFor={id} className="button secondary small" style={{ flexDirection: 'row', cursor: 'pointer' }}>
        Set ground truth<span className="visually-hidden"> of {videoName}</span>
      </label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          const parsed = parseLabels(await readFileText(file), frameCount);
          if (!parsed.ok) {
            setProblem(`${file.name}: ${parsed.message}`);
            return;
          }
          setProblem(undefined);
          const saved = await save.mutate(parsed.value.kind === 'labels' ? { videoId, labels: parsed.value.labels } : { videoId, intervals: parsed.value.intervals });
          if (saved) onSaved();
        }}
      />
      {problem && (
        <span className="bad small" role="alert">
          {' '}
          {problem}
        </span>
      )}
      <InlineError error={save.error} />
    </span>
  );
}
