// The roles of a team, as <option>s of a role <select> (lower case, as people write them).
import type { Role } from '../graphql/generated/graphql';

export const ROLES: Role[] = ['OWNER', 'MEMBER', 'VIEWER'];

export function RoleOptions({ roles = ROLES }: { roles?: readonly Role[] }) {
  return (
    <>
      {roles.map((r) => (
        <option key={r} value={r}>
          {r.toLowerCase()}
        </option>
      ))}
    </>
  );
}
