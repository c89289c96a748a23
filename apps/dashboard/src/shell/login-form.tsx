// Team mode: sign in with e-mail and password; the API's session cookie comes back through the proxy.
'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { InlineError } from '../feedback/error-state';
import { useMutation } from '../graphql/use-mutation';
import { LoginMutation } from './viewer.operations';

/** Only same-site paths are followed after login, so a crafted link cannot send people elsewhere. */
export function safeNextPath(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : '/';
}

export function LoginForm({ next }: { next?: string }) {
  const router = useRouter();
  const login = useMutation(LoginMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  return (
    <form
      className="card stack"
      style={{ maxWidth: '24rem', margin: '2rem auto' }}
      aria-label="Log in"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await login.mutate({ email: email.trim(), password })) {
          // a full load, so every part of the page sees the new session
          window.location.assign(safeNextPath(next));
          router.refresh();
        }
      }}
    >
      <h1>Log in</h1>
      <label style={{ display: 'flex' }}>
        E-mail
        <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label style={{ display: 'flex' }}>
        Password
        <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit" disabled={login.running}>
        {login.running ? 'Logging in…' : 'Log in'}
      </button>
      <InlineError error={login.error} />
      <p className="muted small">In embedded mode (the default single-user setup) no login is needed.</p>
    </form>
  );
}
