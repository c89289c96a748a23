// The API's HTTP server: GraphQL over HTTP at /graphql, GraphQL subscriptions over WebSocket on the same
// path, and the upload and file routes — one Node http server.
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Router } from 'express';
import { authenticate } from '../auth/authenticate';
import { jsonErrorHandler } from '../http/http-error';
import { costLimitPlugin } from '../graphql/cost-limit.plugin';
import { depthLimitRule } from '../graphql/depth-limit.rule';
import { buildSchema } from '../graphql/schema';
import type { ApiContext, ApiServices } from './api-context';
import { listen } from './listen';
import { DEFAULT_SOCKET_LIMITS, serveSubscriptions, type SubscriptionLimits } from './subscription-server';

export interface ApiServer {
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export interface ApiServerOptions {
  /** Production hides introspection and error details. */
  production?: boolean;
  /** Largest JSON request body accepted on /graphql. */
  maxRequestBytes?: number;
  maxQueryDepth?: number;
  maxQueryCost?: number;
  /** Limits of the WebSocket subscriptions; depth and cost default to maxQueryDepth and maxQueryCost. */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  /** The dashboard's port: its pages may open subscription sockets (other web pages may not). */
  dashboardPort?: number;
  /** Extra HTTP routes (uploads, files), mounted before GraphQL. */
  routes?: (services: ApiServices) => Router;
}

export async function createApiServer(services: ApiServices, options: ApiServerOptions = {}): Promise<ApiServer> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const httpServer = http.createServer(app);
  const schema = buildSchema();
  const maxQueryDepth = options.maxQueryDepth ?? 12;
  const maxQueryCost = options.maxQueryCost ?? 20_000;
  const subscriptions = serveSubscriptions(httpServer, schema, services, {
    ...DEFAULT_SOCKET_LIMITS,
    maxQueryDepth,
    maxQueryCost,
    dashboardPorts: options.dashboardPort === undefined ? [] : [options.dashboardPort],
    ...options.subscriptionLimits,
  });
  const apollo = new ApolloServer<ApiContext>({
    schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: !options.production,
    validationRules: [depthLimitRule(maxQueryDepth)],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: () => subscriptions.dispose() }) },
      costLimitPlugin(schema, maxQueryCost),
    ],
  });
  await apollo.start();
  if (options.routes) app.use(options.routes(services));
  app.use(
    '/graphql',
    express.json({ limit: options.maxRequestBytes ?? 1_000_000 }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<ApiContext> => ({
        ...services,
        remoteAddress: req.socket.remoteAddress ?? '',
        principal: await authenticate(services.database, services.mode, {
          authorization: req.headers.authorization,
          cookie: req.headers.cookie,
          remoteAddress: req.socket.remoteAddress,
        }),
        setCookie: (name, value, cookie) =>
          res.cookie(name, value, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: cookie.maxAgeSeconds * 1000 }),
      }),
    }),
  );

  app.use(jsonErrorHandler);

  return {
    listen: (port, host) => listen(httpServer, port, host, 'PORT'),
    close: () => apollo.stop(),
  };
}
