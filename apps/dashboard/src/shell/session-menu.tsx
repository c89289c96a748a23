// Who is signed in, and log out (team mode). A team-mode visitor without a session is sent to /login.
'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { GraphqlRequestError } from '../graphql/graphql-request-error';
import { useMutation } from '../graphql/use-mutation';
import { useQuery } from '../graphql/use-query';
import { LogoutMutation, ViewerQuery } from './viewer.operations';

export function SessionMenu() {
  const pathname = usePathname() ?? '/';
  const router = useRouter();
  const onLoginPage = pathname === '/login';
  const { data, error } = useQuery(ViewerQuery, {}, { skip: onLoginPage });
  const logout = useMutation(LogoutMutation);
  const signedOut = error instanceof GraphqlRequestError && error.code === 'UNAUTHENTICATED';

  useEffect(() => {
    if (signedOut && !onLoginPage) router.replace(`/login?next=${encodeURIComponent(pathname)}`);
  }, [signedOut, onLoginPage, pathname, router]);

  if (!data) return null;
  const { viewer } = data;
  return (
    <div className="session">
      <span className="muted small" title={viewer.user.email}>
        {viewer.user.name} · {viewer.role.toLowerCase()}
        {viewer.mode === 'embedded' ? ' · embedded' : ''}
      </span>
      {viewer.mode === 'team' && (
        <button
          type="button"
          className="ghost"
          disabled={logout.running}
          onClick={async () => {
            await logout.mutate({});
            router.replace('/login');
          }}
        >
          Log out
        </button>
      )}
    </div>
  );
}
