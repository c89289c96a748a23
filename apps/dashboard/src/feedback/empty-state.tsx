// What a screen shows when there is nothing yet: what this place is for and the next step to take.
import type { ReactNode } from 'react';

export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <strong>{title}</strong>
      <div className="muted">{children}</div>
      {action && <div className="empty-action">{action}</div>}
    </div>
  );
}
