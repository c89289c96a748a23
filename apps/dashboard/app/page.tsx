// Home: the platform's status and what to do first.
import { apiUrl } from './api-url';

export const dynamic = 'force-dynamic';

interface Health {
  version: string;
  database: string;
  queue: string;
}

async function fetchHealth(): Promise<Health | { error: string }> {
  try {
    const response = await fetch(`${apiUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { version database queue } }' }),
      cache: 'no-store',
    });
    const body = (await response.json()) as { data?: { health: Health }; errors?: { message: string }[] };
    return body.data?.health ?? { error: body.errors?.[0]?.message ?? `HTTP ${response.status}` };
  } catch (error) {
    return { error: `the API at ${apiUrl()} does not answer (${(error as Error).message})` };
  }
}

export default async function HomePage() {
  const health = await fetchHealth();
  return (
    <section>
      <h1>Platform status</h1>
      {'error' in health ? (
        <p className="bad" role="alert">{health.error}</p>
      ) : (
        <dl aria-label="health">
          <dt>Version</dt>
          <dd>{health.version}</dd>
          <dt>Database</dt>
          <dd className="ok">{health.database}</dd>
          <dt>Job queue</dt>
          <dd className="ok">{health.queue}</dd>
        </dl>
      )}
      <h2>Getting started</h2>
      <ol>
        <li>Import a data set: <code>npx vad dataset import PATH --format folder</code></li>
        <li>Evaluate scores: <code>npx vad eval frames --scores S.json --labels L.json</code></li>
      </ol>
    </section>
  );
}
