// Downloads for members of the owning team: a model version's checkpoint (a tar of its folder, the component
// statistics and ONNX export included) and its ONNX model alone, an inference run's frame scores as CSV, and a
// leaderboard as CSV. Each answers as an attachment named after what it holds.
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { readLeaderboard } from '@vad/db';
import { Router, type Request, type Response } from 'express';
import { pack } from 'tar-stream';
import { protocolByName } from '../evaluations/protocol-by-name';
import { rankLeaderboard, type LeaderboardMetricName } from '../evaluations/rank-leaderboard';
import { csvTable } from '../files/csv-table';
import { scoresOf } from '../runs/run-scores';
import type { ApiServices } from '../server/api-context';
import { HttpError } from './http-error';
import { requestPrincipal } from './request-principal';

const METRICS: readonly LeaderboardMetricName[] = ['MICRO_AUC', 'MACRO_AUC', 'RBDC', 'TBDC'];

/** A file name safe in a Content-Disposition header: letters, digits, dot, dash and underscore. */
const fileName = (text: string) => text.replace(/[^\w.-]+/g, '_').slice(0, 120);

function attachment(response: Response, type: string, name: string): void {
  response.setHeader('content-type', type);
  response.setHeader('content-disposition', `attachment; filename="${fileName(name)}"`);
  response.setHeader('cache-control', 'private, no-store');
}

async function filesBelow(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(folder, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const relative = path.posix.join(prefix, entry.name);
      if (entry.isDirectory()) return filesBelow(folder, relative);
      return Promise.resolve(entry.isFile() ? [relative] : []);
    }),
  );
  return nested.flat().sort();
}

function protocolParameter(request: Request): ReturnType<typeof protocolByName> {
  const name = String(request.query.protocol ?? 'paper');
  try {
    return protocolByName(name);
  } catch (error) {
    throw new HttpError(400, 'BAD_USER_INPUT', error instanceof Error ? error.message : `unknown protocol "${name}"`);
  }
}

export function downloadRoutes(services: ApiServices): Router {
  const router = Router();
  const prisma = services.database.prisma;

  const versionInTeam = async (request: Request, response: Response) => {
    const principal = requestPrincipal(response);
    const version = await prisma.modelVersion.findFirst({
      where: { id: String(request.params.versionId), model: { teamId: principal.team.id } },
      include: { model: { select: { name: true } } },
    });
    if (!version) throw new HttpError(404, 'NOT_FOUND', 'no such model version in your team');
    return version;
  };

  router.get('/files/model-versions/:versionId/checkpoint.tar', async (request: Request, response: Response) => {
    const version = await versionInTeam(request, response);
    await services.storage.withLocalFile(version.checkpointPath, async (folder) => {
      const files = await filesBelow(folder).catch(() => {
        throw new HttpError(404, 'NOT_FOUND', 'the checkpoint of this model version is no longer in storage');
      });
      const base = fileName(`${version.model.name}-v${version.number}`);
      attachment(response, 'application/x-tar', `${base}.tar`);
      const archive = pack();
      const written = pipeline(archive, response);
      for (const file of files) {
        const content = await readFile(path.join(folder, file));
        await new Promise<void>((resolve, reject) =>
          archive.entry({ name: `${base}/${file}`, size: content.length }, content, (error) => (error ? reject(error) : resolve())),
        );
      }
      archive.finalize();
      await written;
    });
  });

  router.get('/files/model-versions/:versionId/model.onnx', async (request: Request, response: Response) => {
    const version = await versionInTeam(request, response);
    await services.storage.withLocalFile(version.checkpointPath, async (folder) => {
      const file = path.join(folder, 'model.onnx');
      const size = await stat(file).then(
        (s) => s.size,
        () => null,
      );
      if (size === null) throw new HttpError(404, 'NOT_FOUND', 'this model version has no ONNX export (its training could not export one)');
      attachment(response, 'application/octet-stream', `${version.model.name}-v${version.number}.onnx`);
      response.setHeader('content-length', String(size));
      await pipeline(createReadStream(file), response);
    });
  });

  router.get('/files/runs/:runId/scores.csv', async (request: Request, response: Response) => {
    const principal = requestPrincipal(response);
    const protocol = protocolParameter(request);
    const run = await prisma.inferenceRun.findFirst({
      where: { id: String(request.params.runId), job: { teamId: principal.team.id } },
      include: { video: { include: { groundTruth: true } }, modelVersion: { include: { model: { select: { name: true } } } } },
    });
    if (!run) throw new HttpError(404, 'NOT_FOUND', 'no such inference run in your team');
    const { scores } = scoresOf(run, protocol);
    const labels = run.video.groundTruth?.frameLabels.length === scores.length ? run.video.groundTruth.frameLabels : null;
    const rows = Array.from(scores, (score, frame) => [
      frame,
      score,
      run.teacherError[frame],
      run.discrepancy[frame],
      run.classifier[frame] ?? null,
      labels?.[frame] ?? null,
    ]);
    attachment(response, 'text/csv; charset=utf-8', `${run.video.name}-${run.modelVersion.model.name}-v${run.modelVersion.number}-${protocol.name}.csv`);
    response.end(csvTable(['frame', `score_${protocol.name}`, 'teacher_error', 'discrepancy', 'classifier', 'label'], rows));
  });

  router.get('/files/leaderboards/:datasetId.csv', async (request: Request, response: Response) => {
    const principal = requestPrincipal(response);
    const metric = String(request.query.metric ?? 'MICRO_AUC') as LeaderboardMetricName;
    if (!METRICS.includes(metric)) throw new HttpError(400, 'BAD_USER_INPUT', `metric must be one of ${METRICS.join(', ')}`);
    const protocol = protocolParameter(request);
    const board = await readLeaderboard(prisma, principal.team.id, String(request.params.datasetId));
    if (!board) throw new HttpError(404, 'NOT_FOUND', 'no such data set in your team');
    const rows = rankLeaderboard(board.entries, metric, protocol.name, board.latestVersion?.id);
    const models = new Map(
      (await prisma.model.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.modelVersion.modelId))] } }, select: { id: true, name: true } })).map(
        (m) => [m.id, m.name],
      ),
    );
    const table = rows.map((row) => [
      row.comparable ? row.rank : null,
      models.get(row.modelVersion.modelId) ?? null,
      row.modelVersion.number,
      row.evaluation.protocolName,
      row.datasetVersionNumber,
      row.comparable,
      row.evaluation.microAuc,
      row.evaluation.macroAuc,
      row.evaluation.rbdc,
      row.evaluation.tbdc,
      row.framesPerSecond,
      row.evaluation.createdAt.toISOString(),
    ]);
    attachment(response, 'text/csv; charset=utf-8', `leaderboard-${board.dataset.name}-${protocol.name}-${metric.toLowerCase()}.csv`);
    response.end(
      csvTable(
        [
          'rank',
          'model',
          'version',
          'protocol',
          'dataset_version',
          'comparable',
          'micro_auc',
          'macro_auc',
          'rbdc',
          'tbdc',
          'frames_per_second',
          'evaluated_at',
        ],
        table,
      ),
    );
  });

  return router;
}
