// /jobs/new?kind=train|infer|evaluate&… — start training, inference or evaluation.
import { StartJobScreen, type StartKind } from '../../../src/jobs/start-job-screen';

export const metadata = { title: 'Start a job — VAD' };

type Search = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const KINDS: readonly StartKind[] = ['train', 'infer', 'evaluate'];

export default async function StartJobPage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams;
  const kind = KINDS.find((k) => k === first(search.kind)) ?? 'train';
  return (
    <StartJobScreen
      defaults={{
        kind,
        datasetVersionId: first(search.datasetVersionId),
        modelVersionId: first(search.modelVersionId),
        inferenceJobId: first(search.inferenceJobId),
      }}
    />
  );
}
