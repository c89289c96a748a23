// Sets a test video's pixel masks from a folder of images (one per frame), so that evaluations compute RBDC
// and TBDC for it. The platform checks them against the video and says what does not fit.
'use client';
import { useId, useState } from 'react';
import { maskImages, uploadMasks } from './upload-masks';

type State = { kind: 'idle' } | { kind: 'sending'; files: number } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

export function MasksButton({ videoId, videoName, hasMasks, onSaved }: { videoId: string; videoName: string; hasMasks: boolean; onSaved(): void }) {
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const busy = state.kind === 'sending';
  return (
    <span>
      <label
        htmlFor={id}
        className="button secondary small"
        style={{ flexDirection: 'row', cursor: busy ? 'wait' : 'pointer' }}
        title="A folder with one mask image per frame (PNG, BMP, JPEG or TIFF), white where the frame is abnormal"
      >
        {hasMasks ? 'Replace pixel masks' : 'Pixel masks'}
        <span className="visually-hidden"> of {videoName} (a folder of images)</span>
      </label>
      <input
        id={id}
        type="file"
        multiple
        className="visually-hidden"
        disabled={busy}
        // a folder picker; browsers without one let the user select the images themselves
        {...{ webkitdirectory: '' }}
        onChange={async (event) => {
          const files = maskImages(Array.from(event.target.files ?? []));
          event.target.value = '';
          if (files.length === 0) {
            setState({ kind: 'failed', text: 'no mask images in that folder (PNG, BMP, JPEG or TIFF)' });
            return;
          }
          setState({ kind: 'sending', files: files.length });
          try {
            const accepted = await uploadMasks(videoId, files);
            const labels = accepted.labelsFromMasks ? ', frame labels taken from them' : '';
            setState({ kind: 'done', text: `${accepted.masks} masks, ${accepted.abnormalFrames} abnormal frames${labels}` });
            onSaved();
          } catch (error) {
            setState({ kind: 'failed', text: error instanceof Error ? error.message : String(error) });
          }
        }}
      />
      {state.kind === 'sending' && <span className="muted small"> sending {state.files} masks…</span>}
      {state.kind === 'done' && (
        <span className="ok small" role="status" data-testid="masks-result">
          {' '}
          {state.text}
        </span>
      )}
      {state.kind === 'failed' && (
        <span className="bad small" role="alert" data-testid="masks-result">
          {' '}
          {state.text}
        </span>
      )}
    </span>
  );
}
