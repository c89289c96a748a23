// /jobs — the live job list.
import { JobsScreen } from '../../src/jobs/jobs-screen';

export const metadata = { title: 'Jobs — VAD' };

export default function JobsPage() {
  return <JobsScreen />;
}
