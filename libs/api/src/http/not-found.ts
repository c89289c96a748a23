// The answer to a path no route serves: JSON like every other error of the API, not Express's HTML page
// (which names the framework and echoes the path).
import type { Request, Response } from 'express';

export function notFoundHandler(_request: Request, response: Response): void {
  response.status(404).json({ error: { code: 'NOT_FOUND', message: 'no such route; GraphQL is served at /graphql' } });
}
