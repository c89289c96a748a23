// The dashboard's frame: header and navigation around every page.
import type { ReactNode } from 'react';
import './globals.css';

export const metadata = { title: 'VAD — video anomaly detection', description: 'Leaderboards, runs, data sets and jobs' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="top">
          <strong>VAD</strong> <span className="muted">video anomaly detection</span>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
