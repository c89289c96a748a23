// GraphQL subscriptions over WebSocket (graphql-ws) on the HTTP server's /graphql path, with the limits a
// long-lived socket needs that an HTTP request does not. Sockets are counted per address and per account:
// a socket that brings credentials in its upgrade request (the dashboard's cookie, a token header) is
// counted against its account from the start; one that will authenticate in connection_init waits in a
// pool of pending sockets for at most 3 s. So strangers, however many addresses they have, can fill only
// the pending pool, and one account cannot hold more than its share. A socket's caller is checked
// again before each event, and its sockets close as soon as its access is revoked in this process.
import type http from 'node:http';
import { isAllowedHost, type AllowedHosts } from '@vad/config';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Revocation } from '../auth/access-revocations';
import { authenticate, type RequestCredentials } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { apiError } from '../graphql/api-error';
import { depthLimitRule } from '../graphql/depth-limit.rule';
import { assertNoNulCharacters } from '../graphql/nul-characters';
import { assertQueryCost } from '../graphql/query-cost';
import { UNKNOWN_HOST_MESSAGE } from '../http/host-guard';
import { isAllowedBrowserOrigin } from './browser-origin';
import type { ApiContext, ApiServerState, ApiServices } from './api-context';
import { readRequestSource, type RequestSource, type RequestSourcePolicy } from './request-source';

export interface SubscriptionLimits {
  /** Largest message a client may send; past it the socket is closed with 1009 (message too big). */
  maxMessageBytes: number;
  /** Open sockets of one client address; more are refused with HTTP 429 before the upgrade. */
  maxConnectionsPerAddress: number;
  /** Sockets not yet authenticated, from every address; more are refused with HTTP 503. */
  maxPendingConnections: number;
  /** Open sockets of one account; more are refused with HTTP 429, or closed with 1008 after connection_init. */
  maxConnectionsPerPrincipal: number;
  /** Open sockets in all, a bound on memory; more are refused with HTTP 503. */
  maxConnections: number;
  /** Live subscriptions on one socket; more are answered with a FORBIDDEN error. */
  maxSubscriptionsPerConnection: number;
  /** Live subscriptions of one account over all its sockets; more are answered with a FORBIDDEN error. */
  maxSubscriptionsPerPrincipal: number;
  maxQueryDepth: number;
  maxQueryCost: number;
  /** Ports whose pages (on the addressed host) may open sockets: the dashboard's. Other pages get 403. */
  dashboardPorts: readonly number[];
  /** Host names answered besides loopback (DNS rebinding); null: any. */
  allowedHosts: AllowedHosts;
  sourcePolicy: RequestSourcePolicy;
}

/** The socket limits; the server passes depth, cost, ports, hosts and the source policy of its own. */
export const DEFAULT_SOCKET_LIMITS: Omit<SubscriptionLimits, 'maxQueryDepth' | 'maxQueryCost' | 'dashboardPorts' | 'allowedHosts' | 'sourcePolicy'> = {
  maxMessageBytes: 64 * 1024,
  maxConnectionsPerAddress: 20,
  maxPendingConnections: 200,
  maxConnectionsPerPrincipal: 20,
  maxConnections: 10_000,
  maxSubscriptionsPerConnection: 10,
  maxSubscriptionsPerPrincipal: 50,
};

export interface SubscriptionServer {
  dispose(): Promise<void>;
}

/** Close reasons must fit in 123 bytes. */
const UNAUTHENTICATED_REASON = 'unauthenticated: log in, or send { authorization: "Bearer <token>" } in connection_init';
const REVOKED_REASON = 'access revoked: this account was removed, logged out or its token revoked';

/** One open socket: where it came from and, once known, whose it is. */
interface SocketEntry {
  source: RequestSource;
  principal: Principal | null;
  /** graphql-ws's live subscriptions of this socket (keyed by id), once the socket is initialised. */
  subscriptions?: Record<string, unknown>;
}

/** Counts of open sockets by key, with the check and the increment in one synchronous step. */
class SocketCounts {
  private readonly counts = new Map<string, number>();

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  add(key: string): void {
    this.counts.set(key, this.get(key) + 1);
  }

  remove(key: string): void {
    const left = this.get(key) - 1;
    if (left > 0) this.counts.set(key, left);
    else this.counts.delete(key);
  }
}

const principalKey = (principal: Principal) => `user:${principal.user.id}`;

function revokes(revocation: Revocation, principal: Principal): boolean {
  switch (revocation.kind) {
    case 'member':
      return principal.team.id === revocation.teamId && principal.user.id === revocation.userId;
    case 'credential':
      return principal.credentialId === revocation.credentialId;
    case 'sessions':
      return principal.via === 'session' && principal.user.id === revocation.userId;
  }
}

export function serveSubscriptions(
  httpServer: http.Server,
  schema: GraphQLSchema,
  services: ApiServices,
  state: ApiServerState,
  limits: SubscriptionLimits,
): SubscriptionServer {
  const sockets = new Map<WebSocket, SocketEntry>();
  /** Upgrades accepted but not yet turned into sockets, by request. */
  const accepted = new WeakMap<http.IncomingMessage, SocketEntry>();
  const counts = new SocketCounts();
  const sourceOf = (request: http.IncomingMessage) => readRequestSource(request, limits.sourcePolicy);

  const credentials = (request: http.IncomingMessage, source: RequestSource, connectionParams?: Readonly<Record<string, unknown>>): RequestCredentials => ({
    authorization: typeof connectionParams?.authorization === 'string' ? connectionParams.authorization : request.headers.authorization,
    cookie: request.headers.cookie,
    isLocalProgram: source.isLocalProgram,
  });

  /** The counters a socket holds: its address's, and its account's once known (else the pending pool's). */
  const keysOf = (entry: SocketEntry) => ['all', `address:${entry.source.address}`, ...(entry.principal ? [principalKey(entry.principal)] : ['pending'])];
  const hold = (entry: SocketEntry) => keysOf(entry).forEach((key) => counts.add(key));
  const release = (entry: SocketEntry) => keysOf(entry).forEach((key) => counts.remove(key));
  /** Why a socket of `entry` cannot be held now, or undefined when it can. */
  const refusal = (entry: SocketEntry): { status: number; message: string } | undefined => {
    if (counts.get('all') >= limits.maxConnections)
      return { status: 503, message: `the server has ${limits.maxConnections} open subscription sockets, the most it takes; retry later` };
    if (counts.get(`address:${entry.source.address}`) >= limits.maxConnectionsPerAddress) {
      return { status: 429, message: `too many subscription sockets from this address (at most ${limits.maxConnectionsPerAddress}); close some first` };
    }
    if (entry.principal && counts.get(principalKey(entry.principal)) >= limits.maxConnectionsPerPrincipal) {
      return { status: 429, message: `this account has ${limits.maxConnectionsPerPrincipal} subscription sockets open, the most allowed; close some first` };
    }
    if (!entry.principal && counts.get('pending') >= limits.maxPendingConnections) {
      return { status: 503, message: 'too many sockets are waiting to authenticate; retry later, or send credentials with the upgrade request' };
    }
    return undefined;
  };

  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: limits.maxMessageBytes,
    verifyClient: ({ req }, accept) => {
      if (!isAllowedHost(req.headers.host, limits.allowedHosts)) return accept(false, 403, UNKNOWN_HOST_MESSAGE);
      if (!isAllowedBrowserOrigin(req.headers.origin, req.headers.host, limits.dashboardPorts)) {
        return accept(false, 403, 'subscriptions are open to the dashboard’s pages and to programs, not to other web pages');
      }
      const source = sourceOf(req);
      const hasCredentials = req.headers.cookie !== undefined || req.headers.authorization !== undefined || source.isLocalProgram;
      const principal = hasCredentials ? authenticate(services.database, services.mode, credentials(req, source)) : Promise.resolve(null);
      principal.then(
        (found) => {
          // the check and the count happen in this one tick: concurrent upgrades cannot both slip under a limit
          const entry: SocketEntry = { source, principal: found };
          const refused = refusal(entry);
          if (refused) return accept(false, refused.status, refused.message);
          hold(entry);
          accepted.set(req, entry);
          accept(true);
        },
        () => accept(false, 500, 'internal error'),
      );
    },
  });
  wsServer.on('connection', (socket, request) => {
    const entry = accepted.get(request);
    if (!entry) return socket.close(CloseCode.InternalServerError, 'internal error');
    sockets.set(socket, entry);
    socket.once('close', () => {
      sockets.delete(socket);
      release(entry);
    });
  });

  const stopListening = state.revocations.listen((revocation) => {
    for (const [socket, entry] of sockets) {
      if (entry.principal && revokes(revocation, entry.principal)) socket.close(CloseCode.Forbidden, REVOKED_REASON);
    }
  });

  /** Live subscriptions of an account over all its sockets. */
  const subscriptionsOf = (principal: Principal) =>
    [...sockets.values()]
      .filter((entry) => entry.principal?.user.id === principal.user.id)
      .reduce((sum, entry) => sum + Object.keys(entry.subscriptions ?? {}).length, 0);

  const server = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const entry = sockets.get(socket);
        const principal = entry && (await authenticate(services.database, services.mode, credentials(ctx.extra.request, entry.source, ctx.connectionParams)));
        if (!entry || !principal) {
          socket.close(CloseCode.Forbidden, UNAUTHENTICATED_REASON);
          return false;
        }
        if (entry.principal?.user.id !== principal.user.id) {
          // counted from now on against the account this socket proved, no longer as pending (or as another account)
          release(entry);
          const moved: SocketEntry = { ...entry, principal };
          const refused = refusal(moved);
          if (refused) {
            hold(entry); // released again when the socket closes
            socket.close(1008, refused.message.slice(0, 120));
            return false;
          }
          hold(moved);
          Object.assign(entry, moved);
        } else {
          entry.principal = principal;
        }
        entry.subscriptions = ctx.subscriptions;
        return true;
      },
      // Parsing, validation and the limits happen here rather than in graphql-ws, whose parse errors would
      // close the socket as an internal error: a bad document is the client's mistake, answered on its id.
      onSubscribe: (ctx, _id, payload) => {
        const live = Object.keys(ctx.subscriptions).length; // includes this one
        if (live > limits.maxSubscriptionsPerConnection) {
          return [apiError('FORBIDDEN', `this socket already has ${live - 1} live subscriptions, the most allowed; complete one first`)];
        }
        const principal = sockets.get(ctx.extra.socket)?.principal;
        if (principal && subscriptionsOf(principal) > limits.maxSubscriptionsPerPrincipal) {
          return [
            apiError('FORBIDDEN', `this account already has ${limits.maxSubscriptionsPerPrincipal} live subscriptions, the most allowed; complete some first`),
          ];
        }
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation && operation.operation !== 'subscription') {
          return [
            apiError(
              'BAD_USER_INPUT',
              `this socket serves subscriptions only; send ${operation.operation === 'query' ? 'queries' : 'mutations'} to POST /graphql`,
            ),
          ];
        }
        const errors = validate(schema, document, [...specifiedRules, depthLimitRule(limits.maxQueryDepth)]);
        if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        try {
          assertQueryCost(schema, { document, operationName: payload.operationName, variables: payload.variables }, limits.maxQueryCost);
          assertNoNulCharacters(document, payload.variables);
        } catch (error) {
          return [error as GraphQLError];
        }
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      // Authenticated again for each subscription: a token revoked since the socket opened starts nothing new.
      context: async (ctx): Promise<ApiContext> => {
        const request = ctx.extra.request;
        const socket = ctx.extra.socket;
        const source = sockets.get(socket)?.source ?? sourceOf(request);
        const check = () => authenticate(services.database, services.mode, credentials(request, source, ctx.connectionParams));
        let lastCheck: { at: number; result: Promise<Principal | null> } | undefined;
        return {
          ...services,
          ...state,
          source,
          principal: await check(),
          subscriber: {
            // checked before every event; the events of one poll (delivered together) share one check, and a
            // check never outlives half a poll interval, so the next poll's events are always checked anew
            stillAllowed: async (principal) => {
              if (!lastCheck || Date.now() - lastCheck.at >= state.jobUpdates.pollMs / 2) lastCheck = { at: Date.now(), result: check() };
              const current = await lastCheck.result;
              const allowed = current !== null && current.user.id === principal.user.id && current.team.id === principal.team.id;
              if (!allowed) socket.close(CloseCode.Forbidden, REVOKED_REASON);
              return allowed;
            },
          },
        };
      },
    },
    wsServer,
  );
  return {
    dispose: async () => {
      stopListening();
      await server.dispose();
    },
  };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}
