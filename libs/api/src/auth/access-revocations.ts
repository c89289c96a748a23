// Tells the open subscription sockets of this process that someone's access ended (a member removed, a
// token revoked, a logout), so that they close at once instead of streaming the team's jobs until the
// client goes away. Sockets of other API processes find out at their next event, when the principal is
// checked again (subscription-server.ts).

export type Revocation =
  /** Every credential of a user in a team: the member was removed. */
  | { kind: 'member'; teamId: string; userId: string }
  /** One session or API token: logout or revocation. */
  | { kind: 'credential'; credentialId: string }
  /** Every session of a user: logout ends them all. */
  | { kind: 'sessions'; userId: string };

export type RevocationListener = (revocation: Revocation) => void;

export class AccessRevocations {
  private readonly listeners = new Set<RevocationListener>();

  /** Calls `listener` on every revocation; returns the function that stops it. */
  listen(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  revoke(revocation: Revocation): void {
    for (const listener of this.listeners) listener(revocation);
  }
}
