// The dashboard's frame: header, navigation, session and theme around every page.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NavLinks } from '../src/shell/nav-links';
import { SessionMenu } from '../src/shell/session-menu';
import { ThemeToggle } from '../src/theme/theme-toggle';
import { themeScript } from '../src/theme/theme-script';
import './globals.css';

export const metadata = { title: 'VAD — video anomaly detection', description: 'Leaderboards, runs, data sets and jobs' };

export const viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // the theme script sets data-theme before React hydrates
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <header className="top">
          <Link href="/" className="brand" aria-label="VAD home">
            <strong>VAD</strong> <span className="muted brand-sub">video anomaly detection</span>
          </Link>
          <NavLinks />
          <div className="top-end">
            <SessionMenu />
            <ThemeToggle />
          </div>
        </header>
        <main id="content">{children}</main>
      </body>
    </html>
  );
}
