// Sets the ground truth of several test videos from one labels file ({"01": [0,1,…] or [[start,end],…], …}),
// the format `vad eval frames` and `vad dataset import --labels` take.
'use client';
import { useId, useState } from 'react';
import { executeOperation } from '../graphql/execute-operation';
import { SetFrameLabelsMutation } from './datasets.operations';
import { parseLabelsByVideo, type NamedVideo } from './parse-labels-by-video';
import { readFileText } from './read-file-text';

export function LabelsFileButton({ videos, onSaved }: { videos: readonly NamedVideo[]; onSaved(): void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; bad: boolean }>();
  return (
    <span>
      <label htmlFor={id} className="button secondary small" style={{ flexDirection: 'row', cursor: busy ? 'wait' : 'pointer' }}>
        Ground truth of several videos (.json)
      </label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        disabled={busy}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          const parsed = parseLabelsByVideo(await readFileText(file), videos);
          if (!parsed.ok) {
            setMessage({ text: `${file.name}: ${parsed.message}`, bad: true });
            return;
          }
          setBusy(true);
          try {
            for (const { video, labels } of parsed.entries) {
              await executeOperation(SetFrameLabelsMutation, labels.kind === 'labels' ? { videoId: video.id, labels: labels.labels } : { videoId: video.id, intervals: labels.intervals });
            }
            const skipped = parsed.unknownNames.length ? `; not in this version: ${parsed.unknownNames.join(', ')}` : '';
            setMessage({ text: `ground truth set for ${parsed.entries.length} video${parsed.entries.length === 1 ? '' : 's'}${skipped}`, bad: false });
            onSaved();
          } catch (error) {
            setMessage({ text: `${file.name}: ${error instanceof Error ? error.message : String(error)}`, bad: true });
          } finally {
            setBusy(false);
          }
        }}
      />
      {message && (
        <span className={message.bad ? 'bad small' : 'small'} role={message.bad ? 'alert' : 'status'} data-testid="labels-file-result">
          {' '}
          {message.text}
        </span>
      )}
    </span>
  );
}
