// The API's HTTP server: GraphQL over HTTP at /graphql and GraphQL subscriptions over WebSocket on the
// same path, on one Node http server so that upload and file routes can join them.
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { buildSchema } from '../graphql/schema';
import type { ApiContext, ApiServices } from './api-context';
import { listen } from './listen';

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
}

export async function createApiServer(services: ApiServices, options: ApiServerOptions = {}): Promise<ApiServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const schema = buildSchema();
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer({ schema, context: (): ApiContext => services }, wsServer);
  const apollo = new ApolloServer<ApiContext>({
    schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: !options.production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => void (await wsCleanup.dispose()) }) },
    ],
  });
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: options.maxRequestBytes ?? 1_000_000 }),
    expressMiddleware(apollo, { context: async (): Promise<ApiContext> => services }),
  );

  return {
    listen: (port, host) => listen(httpServer, port, host, 'PORT'),
    close: () => apollo.stop(),
  };
}
