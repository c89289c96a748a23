// /datasets/:id — one data set: videos, uploads, ground truth.
import { DatasetDetail } from '../../../src/datasets/dataset-detail';

export const metadata = { title: 'Data set — VAD' };

export default async function DatasetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DatasetDetail datasetId={id} />;
}
