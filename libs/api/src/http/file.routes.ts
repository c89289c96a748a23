// Files served to members of the owning team only: video frames (PNG, the requested frame alone decoded:
// see frame-images.ts) and anomaly maps of inference runs (PNG heat maps with transparency, one cell per
// token, to lay over the frame). Other sites' pages may not embed them (Cross-Origin-Resource-Policy).
import { DataError, previewDataset, type ImportedDataset } from '@vad/data';
import { withSourceFiles } from '@vad/storage';
import { Router, type Request, type Response } from 'express';
import { FrameImages, type FrameImageOptions } from '../files/frame-images';
import { heatMapRgba } from '@vad/metrics';
import { encodePngImage } from '../files/png';
import { isMapComponent, MAP_COMPONENTS, OLD_MAP_FORMAT, rampBytes, runMapSource, type RunMapVolumes } from '../files/run-map-volume';
import type { ApiServices } from '../server/api-context';
import { HttpError } from './http-error';
import { requestPrincipal } from './request-principal';

function frameIndex(value: string | string[] | undefined): number {
  const frame = Number(value);
  if (!Number.isInteger(frame) || frame < 0) throw new HttpError(400, 'BAD_USER_INPUT', `"${String(value)}" is not a frame number`);
  return frame;
}

async function send(response: Response, png: Buffer): Promise<void> {
  response.setHeader('content-type', 'image/png');
  response.setHeader('cache-control', 'private, max-age=3600');
  response.setHeader('cross-origin-resource-policy', 'same-origin');
  response.end(png);
}

export interface FileRouteOptions {
  /** How video frames are decoded and kept for the viewer. */
  frameImages?: Partial<FrameImageOptions>;
}

export function fileRoutes(services: ApiServices, volumes: RunMapVolumes, options: FileRouteOptions = {}): Router {
  const router = Router();
  const frameImages = new FrameImages(services.storage, options.frameImages);

  router.get('/files/videos/:videoId/frames/:frame.png', async (request: Request, response: Response) => {
    const principal = requestPrincipal(response);
    const frame = frameIndex(request.params.frame);
    const video = await services.database.prisma.video.findFirst({
      where: { id: String(request.params.videoId), datasetVersion: { dataset: { teamId: principal.team.id } } },
    });
    if (!video) throw new HttpError(404, 'NOT_FOUND', 'no such video in your team');
    if (frame >= video.frameCount) throw new HttpError(400, 'BAD_USER_INPUT', `video ${video.name} has frames 0..${video.frameCount - 1}`);
    await send(response, await frameImages.png(video, frame));
  });

  router.get('/files/runs/:runId/maps/:frame.png', async (request: Request, response: Response) => {
    const principal = requestPrincipal(response);
    const frame = frameIndex(request.params.frame);
    const component = String(request.query.component ?? 'combined');
    if (!isMapComponent(component)) throw new HttpError(400, 'BAD_USER_INPUT', `component must be one of ${MAP_COMPONENTS.join(', ')}`);
    const gain = Number(request.query.gain ?? 1);
    if (!(gain > 0 && gain <= 1000)) throw new HttpError(400, 'BAD_USER_INPUT', 'gain must be a number in (0, 1000]');
    const run = await services.database.prisma.inferenceRun.findFirst({
      where: { id: String(request.params.runId), job: { teamId: principal.team.id } },
      include: { modelVersion: { select: { componentStatistics: true } } },
    });
    if (!run) throw new HttpError(404, 'NOT_FOUND', 'no such inference run in your team');
    if (!run.mapsPath) throw new HttpError(404, 'NOT_FOUND', 'this run kept no anomaly maps');
    if (frame >= run.teacherError.length) throw new HttpError(400, 'BAD_USER_INPUT', `the run has frames 0..${run.teacherError.length - 1}`);
    const volume = await volumes.get(runMapSource(services.storage, run), component).catch((error: unknown) => {
      if (error instanceof DataError) throw new HttpError(404, 'NOT_FOUND', OLD_MAP_FORMAT);
      throw error;
    });
    if (volume === null) throw new HttpError(404, 'NOT_FOUND', `this run has no ${component} maps`);
    await send(response, encodePngImage(volume.width, volume.height, heatMapRgba(rampBytes(volume, frame), gain), 4));
  });

  router.get('/files/dataset-versions/:versionId/synthetic-preview.png', async (request: Request, response: Response) => {
    const principal = requestPrincipal(response);
    const seed = Number(request.query.seed ?? 0);
    const count = Number(request.query.count ?? 8);
    if (!Number.isInteger(seed) || seed < 0 || !Number.isInteger(count) || count < 1 || count > 16) {
      throw new HttpError(400, 'BAD_USER_INPUT', 'seed is a non-negative integer and count 1..16');
    }
    const version = await services.database.prisma.datasetVersion.findFirst({
      where: { id: String(request.params.versionId), dataset: { teamId: principal.team.id } },
      include: { dataset: true, videos: { where: { split: 'TRAIN' }, orderBy: { name: 'asc' } } },
    });
    if (!version) throw new HttpError(404, 'NOT_FOUND', 'no such data-set version in your team');
    if (version.videos.length === 0) throw new HttpError(400, 'BAD_USER_INPUT', 'this version has no training videos to preview');
    const preview = await withSourceFiles(
      services.storage,
      version.videos.map((v) => v.path),
      (files) =>
        previewDataset(
          {
            format: 'folder',
            name: version.dataset.name,
            rootPath: '',
            summary: version.summary as unknown as ImportedDataset['summary'],
            anomalySources: [],
            videos: version.videos.map((v, i) => ({
              name: v.name,
              split: 'train',
              sourcePath: files[i],
              sourceKind: 'video-file',
              codec: v.codec ?? '',
              fps: v.fps ?? 0,
              frameCount: v.frameCount,
              width: v.width,
              height: v.height,
              sizeBytes: Number(v.sizeBytes),
              checksum: v.checksum,
            })),
          },
          { seed, count },
        ),
    );
    await send(response, preview.png);
  });

  return router;
}
