// A coloured badge for a video's import status or a job's status.
const TONE: Record<string, string> = {
  READY: 'ok',
  SUCCEEDED: 'ok',
  FAILED: 'bad',
  CANCELLED: 'warn',
  PROCESSING: 'accent',
  RUNNING: 'accent',
  UPLOADED: '',
  QUEUED: '',
};

export function StatusBadge({ status, title }: { status: string; title?: string }) {
  return (
    <span className={`badge ${TONE[status] ?? ''}`} title={title} data-testid="status-badge">
      {status.toLowerCase()}
    </span>
  );
}
