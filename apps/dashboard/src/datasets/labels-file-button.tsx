// Sets the ground truth of several test videos from one labels file ({"01": [0,1,…] or [[start,end],…], …}),
// the format `vad eval frames` and `vad dataset import --labels` take.
'use client';
import { useState } from 'react';
import { executeOperation } from '../graphql/execute-operation';
import { SetFrameLabelsMutation } from './datasets.operations';
import { frameLabelsVariables } from './parse-labels';
import { parseLabelsByVideo, type NamedVideo } from './parse-labels-by-video';
import { JsonFileButton } from './json-file-button';

export function LabelsFileButton({ videos, onSaved }: { videos: readonly NamedVideo[]; onSaved(): void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; bad: boolean }>();
  return (
    <span>
      <JsonFileButton
        busy={busy}
        onText={async (name, text) => {
          const parsed = parseLabelsByVideo(text, videos);
          if (!parsed.ok) {
            setMessage({ text: `${name}: ${parsed.message}`, bad: true });
            return;
          }
          setBusy(true);
          try {
            for (const { video, labels } of parsed.entries) {
              await executeOperation(SetFrameLabelsMutation, frameLabelsVariables(video.id, labels));
            }
            const skipped = parsed.unknownNames.length ? `; not in this version: ${parsed.unknownNames.join(', ')}` : '';
            setMessage({ text: `ground truth set for ${parsed.entries.length} video${parsed.entries.length === 1 ? '' : 's'}${skipped}`, bad: false });
            onSaved();
          } catch (error) {
            setMessage({ text: `${name}: ${error instanceof Error ? error.message : String(error)}`, bad: true });
          } finally {
            setBusy(false);
          }
        }}
      >
        Ground truth of several videos (.json)
      </JsonFileButton>
      {message && (
        <span className={message.bad ? 'bad small' : 'small'} role={message.bad ? 'alert' : 'status'} data-testid="labels-file-result">
          {' '}
          {message.text}
        </span>
      )}
    </span>
  );
}
