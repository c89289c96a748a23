// Errors of the plain HTTP routes, answered as JSON { error: { code, message } } and never with a stack.
import type { NextFunction, Request, Response } from 'express';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Express error handler: known errors keep their status and message; anything else is a bare 500. */
export function jsonErrorHandler(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  if (response.headersSent) return next(error);
  if (error instanceof HttpError) {
    response.status(error.status).json({ error: { code: error.code, message: error.message } });
    return;
  }
  const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) {
    response.status(status).json({ error: { code: 'BAD_REQUEST', message: (error as Error).message } });
    return;
  }
  response.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'internal error' } });
}
