// The API's HTTP server: GraphQL over HTTP at /graphql, GraphQL subscriptions over WebSocket on the same
// path, and the upload and file routes — one Node http server.
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { AllowedHosts, TrustedProxies } from '@vad/config';
import express, { type Router } from 'express';
import { AccessRevocations } from '../auth/access-revocations';
import { LoginThrottle, type LoginThrottleOptions } from '../auth/login-throttle';
import { formatClientError, hideSuggestionsFromAnonymousCallers } from '../graphql/client-error-format';
import { costLimitPlugin } from '../graphql/cost-limit.plugin';
import { depthLimitRule } from '../graphql/depth-limit.rule';
import { buildSchema } from '../graphql/schema';
import { ConcurrencyLimiter, limitConcurrentRequests } from '../http/concurrency-limit';
import { hostGuard } from '../http/host-guard';
import { JobUpdateHub } from '../jobs/job-update-hub';
import { jsonErrorHandler } from '../http/http-error';
import { callerOf, identifyCaller } from '../http/identify-caller';
import { notFoundHandler } from '../http/not-found';
import type { ApiContext, ApiServerState, ApiServices } from './api-context';
import { listen } from './listen';
import { DEFAULT_SOCKET_LIMITS, serveSubscriptions, type SubscriptionLimits } from './subscription-server';
import { RunMapVolumes } from '../files/run-map-volume';
import type { FrameCache } from '@vad/data';

export interface ApiServer {
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export interface ApiServerOptions {
  /** Production hides introspection. */
  production?: boolean;
  /** VAD_DEBUG: unexpected errors reach clients with their message and stack (never in production use). */
  debug?: boolean;
  /** Largest JSON request body accepted on /graphql. */
  maxRequestBytes?: number;
  maxQueryDepth?: number;
  maxQueryCost?: number;
  /** GraphQL requests one caller (account, or address before login) may have running at once. */
  maxConcurrentRequestsPerCaller?: number;
  /** Limits of the WebSocket subscriptions; depth and cost default to maxQueryDepth and maxQueryCost. */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  /** The dashboard's port: its pages may open subscription sockets (other web pages may not). */
  dashboardPort?: number;
  /** The secret of the requests the dashboard forwards (see request-source.ts); `vad start` makes one. */
  dashboardSecret?: string;
  /** Host names answered besides loopback; null: any. Default: loopback only in embedded mode, any in team mode. */
  allowedHosts?: AllowedHosts;
  /** Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed. */
  trustedProxies?: TrustedProxies;
  /** Folders importServerFolder may read below. Default: anywhere in embedded mode, nowhere in team mode. */
  importRoots?: readonly string[];
  /** The workers' decoded-frame cache on this machine, whose disk use the API reports and owners may clear. */
  frameCache?: FrameCache;
  loginThrottle?: Partial<LoginThrottleOptions>;
  /** How often subscriptions look for job updates (one query for all of them). */
  jobPollMs?: number;
  /** Where unexpected errors are logged (default stderr). */
  log?: (line: string) => void;
  /** Extra HTTP routes (uploads, files), mounted before GraphQL. */
  routes?: (services: ApiServices, state: ApiServerState) => Router;
}

const SESSION_COOKIE_PATH = '/';

export async function createApiServer(services: ApiServices, options: ApiServerOptions = {}): Promise<ApiServer> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const httpServer = http.createServer(app);
  const schema = buildSchema();
  const log = options.log ?? ((line: string) => process.stderr.write(`vad api: ${line}\n`));
  const maxQueryDepth = options.maxQueryDepth ?? 12;
  const maxQueryCost = options.maxQueryCost ?? 20_000;
  const allowedHosts = options.allowedHosts !== undefined ? options.allowedHosts : services.mode === 'embedded' ? [] : null;
  const sourcePolicy = { trustedProxies: options.trustedProxies ?? [], dashboardSecret: options.dashboardSecret };
  const state: ApiServerState = {
    loginThrottle: new LoginThrottle(options.loginThrottle),
    revocations: new AccessRevocations(),
    importRoots: options.importRoots ?? (services.mode === 'embedded' ? ['/'] : []),
    jobUpdates: new JobUpdateHub(services.database, options.jobPollMs),
    mapVolumes: new RunMapVolumes(),
    frameCache: options.frameCache ?? null,
  };
  const subscriptions = serveSubscriptions(httpServer, schema, services, state, {
    ...DEFAULT_SOCKET_LIMITS,
    maxQueryDepth,
    maxQueryCost,
    dashboardPorts: options.dashboardPort === undefined ? [] : [options.dashboardPort],
    allowedHosts,
    sourcePolicy,
    ...options.subscriptionLimits,
  });
  const apollo = new ApolloServer<ApiContext>({
    schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: options.debug ?? false,
    formatError: formatClientError(options.debug ?? false, log),
    validationRules: [depthLimitRule(maxQueryDepth)],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        serverWillStart: async () => ({
          drainServer: async () => {
            await subscriptions.dispose();
            state.jobUpdates.stop();
          },
        }),
      },
      costLimitPlugin(schema, maxQueryCost),
      hideSuggestionsFromAnonymousCallers(),
    ],
  });
  await apollo.start();
  app.use(hostGuard(allowedHosts));
  app.use(identifyCaller(services, sourcePolicy));
  if (options.routes) app.use(options.routes(services, state));
  app.use(
    '/graphql',
    limitConcurrentRequests(new ConcurrencyLimiter(options.maxConcurrentRequestsPerCaller ?? 8)),
    express.json({ limit: options.maxRequestBytes ?? 1_000_000 }),
    expressMiddleware(apollo, {
      context: async ({ res }): Promise<ApiContext> => {
        const { source, principal } = callerOf(res);
        return {
          ...services,
          ...state,
          source,
          principal,
          setCookie: (name, value, cookie) =>
            res.cookie(name, value, {
              httpOnly: true,
              // Strict: no other site's page ever sends it; the dashboard's pages call the API from its own origin
              sameSite: 'strict',
              secure: source.secure,
              path: SESSION_COOKIE_PATH,
              maxAge: cookie.maxAgeSeconds * 1000,
            }),
        };
      },
    }),
  );
  app.use(notFoundHandler);
  app.use(jsonErrorHandler);

  return {
    listen: (port, host) => listen(httpServer, port, host, 'PORT'),
    close: () => apollo.stop(),
  };
}
