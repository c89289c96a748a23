// A data set's heading: its name (renamed in place), the way to its leaderboard and to training, and deletion.
'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { InlineError } from '../feedback/error-state';
import { useMutation } from '../graphql/use-mutation';
import { DeleteDatasetMutation, RenameDatasetMutation } from './datasets.operations';

interface DatasetHeadingProps {
  dataset: { id: string; name: string };
  /** The latest version, which training starts from. */
  latest: { id: string } | undefined;
  onRenamed(): void;
}

export function DatasetHeading({ dataset, latest, onRenamed }: DatasetHeadingProps) {
  const router = useRouter();
  const rename = useMutation(RenameDatasetMutation);
  const remove = useMutation(DeleteDatasetMutation);
  const [newName, setNewName] = useState<string>();
  return (
    <>
      <div className="page-head">
        <div>
          <p className="small" style={{ margin: 0 }}>
            <Link href="/datasets">Data sets</Link> /
          </p>
          {newName === undefined ? (
            <h1>{dataset.name}</h1>
          ) : (
            <form
              className="row"
              onSubmit={async (event) => {
                event.preventDefault();
                if (await rename.mutate({ id: dataset.id, name: newName.trim() })) {
                  setNewName(undefined);
                  onRenamed();
                }
              }}
            >
              <label>
                Name
                <input value={newName} onChange={(event) => setNewName(event.target.value)} autoFocus />
              </label>
              <button type="submit" disabled={!newName.trim() || rename.running}>
                Save
              </button>
              <button type="button" className="secondary" onClick={() => setNewName(undefined)}>
                Cancel
              </button>
            </form>
          )}
          <InlineError error={rename.error} />
        </div>
        <div className="row">
          <Link className="button secondary" href={`/leaderboard?dataset=${dataset.id}`}>
            Leaderboard
          </Link>
          {latest && (
            <Link className="button" href={`/jobs/new?kind=train&datasetVersionId=${latest.id}`}>
              Train on this data set
            </Link>
          )}
          <button type="button" className="secondary" onClick={() => setNewName(dataset.name)}>
            Rename
          </button>
          <button
            type="button"
            className="danger"
            disabled={remove.running}
            onClick={async () => {
              if (!window.confirm(`Delete the data set “${dataset.name}” with its videos? Models trained on it keep their metrics.`)) return;
              if (await remove.mutate({ id: dataset.id })) router.push('/datasets');
            }}
          >
            Delete
          </button>
        </div>
      </div>
      <InlineError error={remove.error} />
    </>
  );
}
