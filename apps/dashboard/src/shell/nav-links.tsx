// The main navigation; the current section is marked for screen readers and the eye.
'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const SECTIONS = [
  { href: '/leaderboard', label: 'Leaderboard' },
  { href: '/datasets', label: 'Data sets' },
  { href: '/jobs', label: 'Jobs' },
  { href: '/models', label: 'Models' },
  { href: '/team', label: 'Team' },
] as const;

export function NavLinks() {
  const pathname = usePathname() ?? '/';
  return (
    <nav aria-label="Main" className="nav">
      {SECTIONS.map((section) => {
        const current = pathname === section.href || pathname.startsWith(`${section.href}/`);
        return (
          <Link key={section.href} href={section.href} aria-current={current ? 'page' : undefined}>
            {section.label}
          </Link>
        );
      })}
    </nav>
  );
}
