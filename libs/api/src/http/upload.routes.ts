// Video uploads: a streamed multipart POST beside GraphQL. The file goes to a temporary name in storage
// (size and type limits, magic bytes checked by the import), then an IMPORT job validates and decodes it
// and adds it to the data set as a new version. A rejected upload leaves nothing behind.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { VIDEO_EXTENSIONS } from '@vad/data';
import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { queueJob } from '../jobs/job.service';
import type { ApiServices } from '../server/api-context';
import { ABANDONED_UPLOAD_MS, removeAbandonedUploads } from './abandoned-uploads';
import { assertUploadNotCrossSite } from './cross-site-upload';
import { HttpError } from './http-error';
import { receiveMultipart, stagingDiskStorage } from './receive-multipart';
import { requestPrincipal } from './request-principal';
import { uploadRateLimit } from './upload-rate-limit';

export interface UploadRouteOptions {
  maxUploadBytes: number;
  /** Uploads per account (or client address, before login) per minute. */
  uploadsPerMinute?: number;
}

const VIDEO_NAME = /^[\w][\w.-]{0,99}$/;

function parseLabels(text: unknown): number[] | number[][] | undefined {
  if (text === undefined || text === '') return undefined;
  let labels: unknown;
  try {
    labels = JSON.parse(String(text));
  } catch {
    throw new HttpError(400, 'BAD_USER_INPUT', 'labels must be JSON: [0,1,…] or [[start,end],…]');
  }
  const isFlat = Array.isArray(labels) && labels.every((l) => l === 0 || l === 1);
  const isIntervals = Array.isArray(labels) && labels.every((i) => Array.isArray(i) && i.length === 2 && i.every(Number.isInteger));
  if (!isFlat && !isIntervals) throw new HttpError(400, 'BAD_USER_INPUT', 'labels must be [0,1,…] or [[start,end],…]');
  return labels as number[] | number[][];
}

export function uploadRoutes(services: ApiServices, options: UploadRouteOptions): Router {
  const router = Router();
  const incoming = services.storage.stagingFolder();
  fs.mkdirSync(incoming, { recursive: true });
  // what a killed process left half-received is deleted now and from time to time
  const sweepAbandoned = () => void removeAbandonedUploads(incoming).catch(() => undefined);
  sweepAbandoned();
  setInterval(sweepAbandoned, ABANDONED_UPLOAD_MS).unref();
  const upload = multer({
    storage: stagingDiskStorage(incoming),
    limits: { fileSize: options.maxUploadBytes, files: 1, fields: 5, fieldSize: 1_000_000 },
    fileFilter: (_req, file, done) => {
      const extension = path.extname(file.originalname).toLowerCase();
      if (!(extension in VIDEO_EXTENSIONS)) {
        done(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `"${file.originalname}" is not a supported video (${Object.keys(VIDEO_EXTENSIONS).join(', ')})`));
        return;
      }
      done(null, true);
    },
  });
  const limiter = uploadRateLimit(options.uploadsPerMinute ?? 60);

  router.post('/uploads', limiter, async (request: Request, response: Response) => {
    const principal = requestPrincipal(response, 'MEMBER');
    assertUploadNotCrossSite(request, response);
    const { datasetId, split } = request.query;
    if (typeof datasetId !== 'string') throw new HttpError(400, 'BAD_USER_INPUT', 'datasetId is required');
    if (split !== 'train' && split !== 'test') throw new HttpError(400, 'BAD_USER_INPUT', 'split must be train or test');
    const dataset = await services.database.prisma.dataset.findFirst({ where: { id: datasetId, teamId: principal.team.id } });
    if (!dataset) throw new HttpError(404, 'NOT_FOUND', 'no such data set in your team');
    await receiveMultipart(upload.single('file'), request, response, { fileTooLarge: `the file is larger than ${options.maxUploadBytes} bytes` });
    const file = request.file;
    if (!file) throw new HttpError(400, 'BAD_USER_INPUT', 'no file: send the video in a multipart field named "file"');
    try {
      const name = String(request.query.name ?? path.basename(file.originalname, path.extname(file.originalname)));
      if (!VIDEO_NAME.test(name)) throw new HttpError(400, 'BAD_USER_INPUT', `"${name}" is not a valid video name`);
      const labels = parseLabels((request.body as Record<string, unknown> | undefined)?.labels);
      const key = `teams/${principal.team.id}/videos/${randomUUID()}${path.extname(file.originalname).toLowerCase()}`;
      await services.storage.adopt(key, file.path);
      const job = await queueJob(services, principal, 'IMPORT', { source: 'upload', datasetId, split, name, storageKey: key, labels: labels ?? null });
      response.status(202).json({ jobId: job.id, videoName: name });
    } finally {
      fs.rmSync(file.path, { force: true });
    }
  });

  return router;
}
