// The models page: every model with its versions and aliases.
'use client';
import Link from 'next/link';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { formatDate } from '../format/format-date';
import { useQuery } from '../graphql/use-query';
import { ModelsQuery } from './models.operations';

export function ModelsScreen() {
  const { data, error, loading, refetch } = useQuery(ModelsQuery, {});
  return (
    <section>
      <div className="page-head">
        <h1>Models</h1>
        <Link className="button" href="/jobs/new?kind=train">
          Train a model
        </Link>
      </div>
      {loading && <LoadingState label="models" />}
      {error !== undefined && <ErrorState error={error} onRetry={refetch} />}
      {data && data.models.length === 0 && (
        <EmptyState
          title="No models yet"
          action={
            <Link className="button" href="/jobs/new?kind=train">
              Train a model
            </Link>
          }
        >
          Each training job adds a version to a model. Train one on a data set to see it here.
        </EmptyState>
      )}
      {data && data.models.length > 0 && (
        <div className="table-wrap">
          <table aria-label="Models">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col" className="num">
                  Versions
                </th>
                <th scope="col">Latest</th>
                <th scope="col">Aliases</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {data.models.map((model) => {
                const latest = [...model.versions].sort((a, b) => b.number - a.number)[0];
                return (
                  <tr key={model.id}>
                    <td>
                      <Link href={`/models/${model.id}`}>{model.name}</Link>
                    </td>
                    <td className="num">{model.versions.length}</td>
                    <td>{latest ? `v${latest.number}${latest.preset ? ` (${latest.preset})` : ''} · ${formatDate(latest.createdAt)}` : '—'}</td>
                    <td>
                      <span className="chip-list">
                        {model.aliases.map((a) => (
                          <span key={a.alias} className={`badge ${a.alias === 'production' ? 'ok' : 'accent'}`}>
                            {a.alias} → v{a.modelVersion.number}
                          </span>
                        ))}
                      </span>
                    </td>
                    <td>{formatDate(model.createdAt)}</td>
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
