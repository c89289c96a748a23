// GraphQL subscriptions over WebSocket (graphql-ws) on the HTTP server's /graphql path, with the limits a
// long-lived socket needs that an HTTP request does not: every live subscription polls the database, so
// sockets and subscriptions are counted, and a client must prove who it is before anything else.
import type http from 'node:http';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authenticate } from '../auth/authenticate';
import { apiError } from '../graphql/api-error';
import { depthLimitRule } from '../graphql/depth-limit.rule';
import { assertQueryCost } from '../graphql/query-cost';
import { isAllowedBrowserOrigin } from './browser-origin';
import type { ApiContext, ApiServices } from './api-context';

export interface SubscriptionLimits {
  /** Largest message a client may send; past it the socket is closed with 1009 (message too big). */
  maxMessageBytes: number;
  /** Open sockets from one client address; more are refused with HTTP 429 before the upgrade. */
  maxConnectionsPerAddress: number;
  /** Open sockets in all; more are refused with HTTP 503. */
  maxConnections: number;
  /** Live subscriptions on one socket; more are answered with a FORBIDDEN error. */
  maxSubscriptionsPerConnection: number;
  maxQueryDepth: number;
  maxQueryCost: number;
  /** Ports whose pages (on the addressed host) may open sockets: the dashboard's. Other pages get 403. */
  dashboardPorts: readonly number[];
}

/** The socket limits; depth and cost are the same as over HTTP, so the server passes its own. */
export const DEFAULT_SOCKET_LIMITS: Omit<SubscriptionLimits, 'maxQueryDepth' | 'maxQueryCost' | 'dashboardPorts'> = {
  maxMessageBytes: 64 * 1024,
  maxConnectionsPerAddress: 20,
  maxConnections: 1000,
  maxSubscriptionsPerConnection: 10,
};

export interface SubscriptionServer {
  dispose(): Promise<void>;
}

/** Close reasons must fit in 123 bytes. */
const UNAUTHENTICATED_REASON = 'unauthenticated: log in, or send { authorization: "Bearer <token>" } in connection_init';

export function serveSubscriptions(
  httpServer: http.Server,
  schema: GraphQLSchema,
  services: ApiServices,
  limits: SubscriptionLimits,
): SubscriptionServer {
  const openByAddress = new Map<string, number>();
  let open = 0;
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: limits.maxMessageBytes,
    // Calling back synchronously keeps the check and the count in one tick: concurrent upgrades cannot
    // both slip under the limit.
    verifyClient: ({ req }, accept) => {
      const address = req.socket.remoteAddress ?? '';
      if (!isAllowedBrowserOrigin(req.headers.origin, req.headers.host, limits.dashboardPorts)) {
        return accept(false, 403, 'subscriptions are open to the dashboard’s pages and to programs, not to other web pages');
      }
      if (open >= limits.maxConnections) return accept(false, 503, `the server has ${open} open subscription sockets, the most it takes; retry later`);
      if ((openByAddress.get(address) ?? 0) >= limits.maxConnectionsPerAddress) {
        return accept(false, 429, `too many subscription sockets from this address (at most ${limits.maxConnectionsPerAddress}); close some first`);
      }
      accept(true);
    },
  });
  wsServer.on('connection', (socket, request) => {
    const address = request.socket.remoteAddress ?? '';
    open++;
    openByAddress.set(address, (openByAddress.get(address) ?? 0) + 1);
    socket.once('close', () => {
      open--;
      const left = (openByAddress.get(address) ?? 1) - 1;
      if (left > 0) openByAddress.set(address, left);
      else openByAddress.delete(address);
    });
  });

  const credentials = (request: http.IncomingMessage, connectionParams: Readonly<Record<string, unknown>> | undefined) => ({
    authorization: typeof connectionParams?.authorization === 'string' ? connectionParams.authorization : request.headers.authorization,
    cookie: request.headers.cookie,
    remoteAddress: request.socket.remoteAddress,
  });

  const server = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const principal = await authenticate(services.database, services.mode, credentials(ctx.extra.request, ctx.connectionParams));
        if (principal) return true;
        ctx.extra.socket.close(CloseCode.Forbidden, UNAUTHENTICATED_REASON);
        return false;
      },
      // Parsing, validation and the limits happen here rather than in graphql-ws, whose parse errors would
      // close the socket as an internal error: a bad document is the client's mistake, answered on its id.
      onSubscribe: (ctx, _id, payload) => {
        const live = Object.keys(ctx.subscriptions).length; // includes this one
        if (live > limits.maxSubscriptionsPerConnection) {
          return [apiError('FORBIDDEN', `this socket already has ${live - 1} live subscriptions, the most allowed; complete one first`)];
        }
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation && operation.operation !== 'subscription') {
          return [apiError('BAD_USER_INPUT', `this socket serves subscriptions only; send ${operation.operation === 'query' ? 'queries' : 'mutations'} to POST /graphql`)];
        }
        const errors = validate(schema, document, [...specifiedRules, depthLimitRule(limits.maxQueryDepth)]);
        if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        try {
          assertQueryCost(schema, { document, operationName: payload.operationName, variables: payload.variables }, limits.maxQueryCost);
        } catch (error) {
          return [error as GraphQLError];
        }
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      // Authenticated again for each subscription: a token revoked since the socket opened starts nothing new.
      context: async (ctx): Promise<ApiContext> => ({
        ...services,
        remoteAddress: ctx.extra.request.socket.remoteAddress ?? '',
        principal: await authenticate(services.database, services.mode, credentials(ctx.extra.request, ctx.connectionParams)),
      }),
    },
    wsServer,
  );
  return { dispose: async () => void (await server.dispose()) };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

