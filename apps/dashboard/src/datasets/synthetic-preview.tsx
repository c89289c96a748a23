// The synthetic anomalies training adds to a data set's latest version: a contact sheet the API draws from
// training frames (input with a pasted anomaly, its map, the clean target, the token weights), with a
// button for another random draw.
'use client';
import { useState } from 'react';
import { ErrorState } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { sameOriginUrl } from '../graphql/same-origin-url';
import { useQuery } from '../graphql/use-query';
import { SyntheticPreviewQuery } from './datasets.operations';

const COUNT = 8;

export function SyntheticPreview({ datasetId, datasetName }: { datasetId: string; datasetName: string }) {
  const [seed, setSeed] = useState(0);
  const { data, error, loading, refetch } = useQuery(SyntheticPreviewQuery, { id: datasetId, seed, count: COUNT });
  const [image, setImage] = useState<{ url: string; state: 'loading' | 'loaded' | 'failed' }>();
  const version = data?.dataset?.latestVersion;
  const url = version ? sameOriginUrl(version.syntheticPreviewUrl) : undefined;
  const state = url && image?.url === url ? image.state : 'loading';

  return (
    <div className="card">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }}>Synthetic anomalies</h2>
        <button type="button" className="secondary" disabled={!url || state === 'loading'} onClick={() => setSeed((s) => s + 1)}>
          Another sample
        </button>
      </div>
      <p className="muted small">
        What training adds to normal frames: each row is a training sample with a synthetic anomaly — the input, its anomaly map, the clean target and the token
        weights. Sample {seed + 1}, {COUNT} rows.
      </p>
      {loading && !data && <LoadingState label="preview" />}
      {error !== undefined && !data && <ErrorState error={error} onRetry={refetch} title="The preview could not be loaded" />}
      {version && url && (
        <div className="synthetic-preview" aria-busy={state === 'loading'}>
          {state === 'loading' && <LoadingState label="samples (drawn from the training videos)" />}
          {state === 'failed' ? (
            <p className="bad small" role="alert">
              The preview image could not be drawn.{' '}
              <button type="button" className="secondary" onClick={() => setSeed((s) => s + 1)}>
                Try another sample
              </button>
            </p>
          ) : (
            <img
              src={url}
              alt={`Training samples of ${datasetName} v${version.number} with synthetic anomalies`}
              data-testid="synthetic-preview"
              hidden={state !== 'loaded'}
              onLoad={() => setImage({ url, state: 'loaded' })}
              onError={() => setImage({ url, state: 'failed' })}
            />
          )}
        </div>
      )}
    </div>
  );
}
