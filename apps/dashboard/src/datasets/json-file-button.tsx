// A button that picks a JSON file and hands over its name and text: the label styled as a button, the file input
// hidden beside it and emptied after each pick (so that picking the same file again reads it again).
'use client';
import { useId, type ReactNode } from 'react';
import { readFileText } from './read-file-text';

export function JsonFileButton({
  children,
  busy = false,
  onText,
}: {
  children: ReactNode;
  busy?: boolean;
  onText(name: string, text: string): void | Promise<void>;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="button secondary small" style={{ flexDirection: 'row', cursor: busy ? 'wait' : 'pointer' }}>
        {children}
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
          if (file) await onText(file.name, await readFileText(file));
        }}
      />
    </>
  );
}
