// Multipart uploads: files land in the storage's staging folder under random `.partial` names (which
// abandoned-uploads.ts sweeps), and multer's refusals become the API's HTTP errors.
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { HttpError } from './http-error';

/** Disk storage for multer in `staging`. */
export const stagingDiskStorage = (staging: string) =>
  multer.diskStorage({ destination: staging, filename: (_req, _file, done) => done(null, `${randomUUID()}.partial`) });

export interface MultipartRefusals {
  /** Said with 413 when a file exceeds its size limit. */
  fileTooLarge: string;
  /** Said with 400 when there are more files than the limit (default: multer's own message). */
  tooManyFiles?: string;
}

/** Runs one of multer's parsers on the request; resolves once every file is on disk. */
export function receiveMultipart(parse: RequestHandler, request: Request, response: Response, refusals: MultipartRefusals): Promise<void> {
  return new Promise((resolve, reject) =>
    parse(request, response, (error?: unknown) => {
      if (!error) return resolve();
      if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE')
        return reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', refusals.fileTooLarge));
      if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_COUNT' && refusals.tooManyFiles) {
        return reject(new HttpError(400, 'BAD_USER_INPUT', refusals.tooManyFiles));
      }
      if (error instanceof multer.MulterError) return reject(new HttpError(400, 'BAD_USER_INPUT', error.message));
      reject(error);
    }),
  );
}
