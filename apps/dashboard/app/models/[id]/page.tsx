// /models/:id?version= — one model's versions, metrics, aliases and runs.
import { ModelDetail } from '../../../src/models/model-detail';

export const metadata = { title: 'Model — VAD' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ModelPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Search }) {
  const { id } = await params;
  const { version } = await searchParams;
  return <ModelDetail modelId={id} versionId={Array.isArray(version) ? version[0] : version} />;
}
