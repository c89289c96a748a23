// /jobs/:id — one job, live.
import { JobDetail } from '../../../src/jobs/job-detail';

export const metadata = { title: 'Job — VAD' };

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <JobDetail jobId={id} />;
}
