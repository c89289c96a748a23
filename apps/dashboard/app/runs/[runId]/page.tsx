// /runs/:runId?frame=&protocol= — the run viewer for one video.
import { RunViewer } from '../../../src/run-viewer/run-viewer';

export const metadata = { title: 'Run viewer — VAD' };

type Search = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function RunPage({ params, searchParams }: { params: Promise<{ runId: string }>; searchParams: Search }) {
  const { runId } = await params;
  const search = await searchParams;
  const frame = Number.parseInt(first(search.frame) ?? '0', 10);
  return <RunViewer runId={runId} initialFrame={Number.isFinite(frame) ? frame : 0} protocol={first(search.protocol) ?? 'paper'} />;
}
