// /login?next= — team-mode sign-in.
import { LoginForm } from '../../src/shell/login-form';

export const metadata = { title: 'Log in — VAD' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  return <LoginForm next={Array.isArray(next) ? next[0] : next} />;
}
