// Uploads per account (or per client address, before login) per minute, for every upload route.
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { callerOf } from './identify-caller';

export function uploadRateLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // per account, else per client address (the browser's behind the dashboard, not the dashboard's)
    keyGenerator: (_request, response) => {
      const { principal, source } = callerOf(response);
      return principal ? `user:${principal.user.id}` : `address:${ipKeyGenerator(source.address)}`;
    },
  });
}
