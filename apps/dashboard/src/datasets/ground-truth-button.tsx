// Sets or replaces a video's ground truth from a JSON file ([0,1,…] per frame or [[start,end],…]).
'use client';
import { useState } from 'react';
import { InlineError } from '../feedback/error-state';
import { useMutation } from '../graphql/use-mutation';
import { SetFrameLabelsMutation } from './datasets.operations';
import { JsonFileButton } from './json-file-button';
import { frameLabelsVariables, parseLabels } from './parse-labels';

export function GroundTruthButton({ videoId, videoName, frameCount, onSaved }: { videoId: string; videoName: string; frameCount: number; onSaved(): void }) {
  const save = useMutation(SetFrameLabelsMutation);
  const [problem, setProblem] = useState<string>();
  return (
    <span>
      <JsonFileButton
        onText={async (name, text) => {
          const parsed = parseLabels(text, frameCount);
          if (!parsed.ok) {
            setProblem(`${name}: ${parsed.message}`);
            return;
          }
          setProblem(undefined);
          const saved = await save.mutate(frameLabelsVariables(videoId, parsed.value));
          if (saved) onSaved();
        }}
      >
        Set ground truth<span className="visually-hidden"> of {videoName}</span>
      </JsonFileButton>
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
