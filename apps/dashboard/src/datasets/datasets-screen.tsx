// The data sets page: every data set with its size, and a form to create one.
'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState, InlineError } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { formatCount } from '../format/format-count';
import { formatDate } from '../format/format-date';
import { useMutation } from '../graphql/use-mutation';
import { useQuery } from '../graphql/use-query';
import { readDatasetSummary } from './dataset-summary';
import { CreateDatasetMutation, DatasetsQuery } from './datasets.operations';
import { FrameCachePanel } from './frame-cache-panel';

export function DatasetsScreen() {
  const router = useRouter();
  const { data, error, loading, refetch } = useQuery(DatasetsQuery, {});
  const create = useMutation(CreateDatasetMutation);
  const [name, setName] = useState('');

  const form = (
    <form
      className="row"
      onSubmit={async (event) => {
        event.preventDefault();
        const created = await create.mutate({ name: name.trim() });
        if (created) router.push(`/datasets/${created.createDataset.id}`);
      }}
    >
      <label>
        New data set name
        <input value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. ped2" required pattern=".*\S.*" />
      </label>
      <button type="submit" disabled={create.running || !name.trim()} style={{ alignSelf: 'flex-end' }}>
        Create data set
      </button>
      <InlineError error={create.error} />
    </form>
  );

  return (
    <section>
      <div className="page-head">
        <h1>Data sets</h1>
      </div>
      <div className="card" style={{ marginBottom: '1rem' }}>
        {form}
      </div>
      <FrameCachePanel />
      {loading && <LoadingState label="data sets" />}
      {error !== undefined && <ErrorState error={error} onRetry={refetch} />}
      {data && data.datasets.length === 0 && (
        <EmptyState title="No data sets yet">
          Name one above, then upload its training videos (normal only) and test videos with their ground truth. A server folder in UCSD or Avenue layout can
          also be imported with <code>npx vad dataset import</code>.
        </EmptyState>
      )}
      {data && data.datasets.length > 0 && (
        <div className="table-wrap">
          <table aria-label="Data sets">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Version</th>
                <th scope="col" className="num">
                  Train videos
                </th>
                <th scope="col" className="num">
                  Test videos
                </th>
                <th scope="col" className="num">
                  Test frames
                </th>
                <th scope="col" className="num">
                  Abnormal
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {data.datasets.map((dataset) => {
                const summary = readDatasetSummary(dataset.latestVersion?.summary);
                return (
                  <tr key={dataset.id}>
                    <td>
                      <Link href={`/datasets/${dataset.id}`}>{dataset.name}</Link>
                    </td>
                    <td>{dataset.latestVersion ? `v${dataset.latestVersion.number}` : <span className="muted">empty</span>}</td>
                    <td className="num">{formatCount(summary.trainVideos)}</td>
                    <td className="num">{formatCount(summary.testVideos)}</td>
                    <td className="num">{formatCount(summary.testFrames)}</td>
                    <td className="num">{formatCount(summary.abnormalTestFrames)}</td>
                    <td>{formatDate(dataset.createdAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
