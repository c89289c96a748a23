// Pixel masks of a test video, uploaded from the dashboard or a script: one image per frame (a folder's files, in
// natural order of their names), black where the frame is normal. They are checked against the video (one mask
// per frame, the frame's size) and stored; a video whose ground truth had no frame labels gets the labels the
// masks imply. With masks, evaluations of the video's data set compute RBDC and TBDC. Nothing is kept of a
// rejected upload, and replaced masks are removed.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compareNatural, DataError, IMAGE_EXTENSIONS, labelsFromMasks, openMaskSet, validateMaskSet } from '@vad/data';
import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import type { ApiServices } from '../server/api-context';
import { assertUploadNotCrossSite } from './cross-site-upload';
import { HttpError } from './http-error';
import { receiveMultipart, stagingDiskStorage } from './receive-multipart';
import { requestPrincipal } from './request-principal';
import { uploadRateLimit } from './upload-rate-limit';

/** A mask image is small (Ped2's are 1 KB, a 4K frame's PNG well under this). */
export const MAX_MASK_FILE_BYTES = 8 * 1024 * 1024;

export interface MaskUploadResult {
  videoId: string;
  masks: number;
  abnormalFrames: number;
  /** Whether the video's frame labels now come from the masks (it had none). */
  labelsFromMasks: boolean;
}

/** The uploaded files of one request, in the order of their names. */
async function receiveMasks(request: Request, response: Response, staging: string, maxFiles: number): Promise<Express.Multer.File[]> {
  const upload = multer({
    storage: stagingDiskStorage(staging),
    limits: { fileSize: MAX_MASK_FILE_BYTES, files: maxFiles, fields: 0 },
    fileFilter: (_req, file, done) => {
      if (path.extname(file.originalname).toLowerCase() in IMAGE_EXTENSIONS) return done(null, true);
      done(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `"${file.originalname}" is not a mask image (${Object.keys(IMAGE_EXTENSIONS).join(', ')})`));
    },
  });
  const received = () => (request.files as Express.Multer.File[] | undefined) ?? [];
  try {
    await receiveMultipart(upload.array('files'), request, response, {
      fileTooLarge: `a mask image is larger than ${MAX_MASK_FILE_BYTES} bytes`,
      tooManyFiles: `the video has ${maxFiles} frames: send one mask per frame, no more`,
    });
  } catch (error) {
    for (const file of received()) fs.rmSync(file.path, { force: true });
    throw error;
  }
  return received().sort((a, b) => compareNatural(a.originalname, b.originalname));
}

export function maskUploadRoutes(services: ApiServices, options: { maxUploadBytes: number; uploadsPerMinute?: number }): Router {
  const router = Router();
  const prisma = services.database.prisma;
  const staging = services.storage.stagingFolder();
  fs.mkdirSync(staging, { recursive: true });

  router.post('/uploads/videos/:videoId/masks', uploadRateLimit(options.uploadsPerMinute ?? 60), async (request: Request, response: Response) => {
    const principal = requestPrincipal(response, 'MEMBER');
    assertUploadNotCrossSite(request, response);
    const video = await prisma.video.findFirst({
      where: { id: String(request.params.videoId), datasetVersion: { dataset: { teamId: principal.team.id } } },
      include: { groundTruth: true },
    });
    if (!video) throw new HttpError(404, 'NOT_FOUND', 'no such video in your team');
    if (video.split !== 'TEST') throw new HttpError(400, 'BAD_USER_INPUT', 'pixel masks belong to test videos');
    // the whole request within the upload limit: a file count and a size per image alone would allow a video's
    // frame count times 8 MB; a request that does not say its length is not taken
    const length = Number(request.headers['content-length']);
    if (!Number.isFinite(length)) throw new HttpError(411, 'LENGTH_REQUIRED', 'send the masks with a Content-Length');
    if (length > options.maxUploadBytes) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `the masks are larger than ${options.maxUploadBytes} bytes in all`);
    const files = await receiveMasks(request, response, staging, video.frameCount);
    if (files.length === 0) throw new HttpError(400, 'BAD_USER_INPUT', 'no masks: send one image per frame in multipart fields named "files"');
    const folder = `teams/${principal.team.id}/masks/${randomUUID()}`;
    let labels: number[];
    try {
      for (const [index, file] of files.entries()) {
        await services.storage.adopt(`${folder}/${String(index).padStart(6, '0')}${path.extname(file.originalname).toLowerCase()}`, file.path);
      }
      labels = await services.storage.withLocalFile(folder, async (local) => {
        const set = await openMaskSet(local);
        if (set === undefined) throw new HttpError(400, 'BAD_USER_INPUT', 'no mask images were received');
        const masked = { name: video.name, frameCount: video.frameCount, width: video.width, height: video.height };
        try {
          await validateMaskSet(set, masked);
          return await labelsFromMasks(set, masked);
        } catch (error) {
          if (error instanceof DataError) throw new HttpError(400, 'BAD_USER_INPUT', error.message.split(local).join('the uploaded masks'));
          throw error;
        }
      });
    } catch (error) {
      await services.storage.remove(folder);
      throw error;
    } finally {
      for (const file of files) fs.rmSync(file.path, { force: true });
    }
    const keptLabels = video.groundTruth?.frameLabels.length ? video.groundTruth.frameLabels : null;
    const masks = { masksPath: folder, maskFormat: 'image-folder', maskFrameIndices: [] };
    await prisma.groundTruth.upsert({
      where: { videoId: video.id },
      create: { videoId: video.id, frameLabels: labels, ...masks },
      update: { ...masks, ...(keptLabels ? {} : { frameLabels: labels }) },
    });
    // masks uploaded before are replaced; masks a server-folder import reads in place are not ours to delete
    const previous = video.groundTruth?.masksPath;
    if (previous && !path.isAbsolute(previous)) await services.storage.remove(previous);
    const result: MaskUploadResult = {
      videoId: video.id,
      masks: files.length,
      abnormalFrames: (keptLabels ?? labels).reduce((sum, l) => sum + l, 0),
      labelsFromMasks: keptLabels === null,
    };
    response.json(result);
  });

  return router;
}
