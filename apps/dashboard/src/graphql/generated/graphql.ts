/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type InferenceInput = {
  datasetVersionId?: string | number | null | undefined;
  /** @deprecated Token maps are always kept: every protocol is applied to them. */
  keepMaps?: boolean | null | undefined;
  /** Seed of test-time masking; null (the default) scores with every token visible. */
  maskSeed?: number | null | undefined;
  modelVersionId: string | number;
  /** Videos to score; default all test videos of datasetVersionId. */
  videoIds?: Array<string | number> | null | undefined;
};

export type JobFilter = {
  kind?: Array<JobKind> | null | undefined;
  queuedById?: string | number | null | undefined;
  status?: Array<JobStatus> | null | undefined;
};

export type JobKind =
  | 'EVALUATE'
  | 'IMPORT'
  | 'INFER'
  | 'TRAIN';

export type JobStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type LeaderboardMetric =
  | 'MACRO_AUC'
  | 'MICRO_AUC'
  | 'RBDC'
  | 'TBDC';

export type Role =
  | 'MEMBER'
  | 'OWNER'
  | 'VIEWER';

export type TrainingInput = {
  batchSize?: number | null | undefined;
  datasetVersionId: string | number;
  epochsStudent?: number | null | undefined;
  epochsTeacher?: number | null | undefined;
  /** Model to add a version to (created if it does not exist). */
  modelName: string;
  /** Further ModelConfig fields (ablation switches and the like). */
  overrides?: unknown;
  preset: string;
  /** Seed of initialisation, data order and synthetic anomalies (default 0). */
  seed?: number | null | undefined;
  /** Training videos held out (the last ones): their scores normalise the components of eq. 6 and choose its weights. Default one in eight, none below 4 videos. */
  validationVideos?: number | null | undefined;
};

export type VideoSplit =
  | 'TEST'
  | 'TRAIN';

export type VideoStatus =
  | 'FAILED'
  | 'PROCESSING'
  | 'READY'
  | 'UPLOADED';

export type DatasetsQueryVariables = Exact<{ [key: string]: never; }>;


export type DatasetsQuery = { datasets: Array<{ id: string, name: string, createdAt: string, versions: Array<{ id: string }>, latestVersion: { id: string, number: number, summary: unknown, createdAt: string } | null }> };

export type FrameCacheQueryVariables = Exact<{ [key: string]: never; }>;


export type FrameCacheQuery = { viewer: { role: Role }, frameCache: { bytes: number, budgetBytes: number } | null };

export type ClearFrameCacheMutationVariables = Exact<{ [key: string]: never; }>;


export type ClearFrameCacheMutation = { clearFrameCache: { bytes: number, budgetBytes: number } };

export type DatasetDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type DatasetDetailQuery = { dataset: { id: string, name: string, createdAt: string, versions: Array<{ id: string, number: number, contentHash: string, format: string, summary: unknown, createdAt: string }>, latestVersion: { id: string, number: number, videos: Array<{ id: string, name: string, split: VideoSplit, frameCount: number, width: number, height: number, fps: number | null, codec: string | null, sizeBytes: number, status: VideoStatus, error: string | null, hasGroundTruth: boolean, hasPixelMasks: boolean, abnormalIntervals: Array<Array<number>>, frameUrl: string }> } | null } | null };

export type SyntheticPreviewQueryVariables = Exact<{
  id: string | number;
  seed?: number | null | undefined;
  count?: number | null | undefined;
}>;


export type SyntheticPreviewQuery = { dataset: { id: string, latestVersion: { id: string, number: number, syntheticPreviewUrl: string } | null } | null };

export type CreateDatasetMutationVariables = Exact<{
  name: string;
}>;


export type CreateDatasetMutation = { createDataset: { id: string, name: string } };

export type RenameDatasetMutationVariables = Exact<{
  id: string | number;
  name: string;
}>;


export type RenameDatasetMutation = { renameDataset: { id: string, name: string } };

export type DeleteDatasetMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteDatasetMutation = { deleteDataset: boolean };

export type SetFrameLabelsMutationVariables = Exact<{
  videoId: string | number;
  labels?: Array<number> | number | null | undefined;
  intervals?: Array<Array<number> | number> | Array<number> | number | null | undefined;
}>;


export type SetFrameLabelsMutation = { setFrameLabels: { id: string, hasGroundTruth: boolean, abnormalIntervals: Array<Array<number>> } };

export type ImportJobQueryVariables = Exact<{
  id: string | number;
}>;


export type ImportJobQuery = { job: { id: string, status: JobStatus, error: string | null, progress: { fraction: number | null, stage: string | null } | null } | null };

export type OverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewQuery = { health: { version: string, database: string, queue: string }, datasets: Array<{ id: string, name: string, latestVersion: { id: string, summary: unknown } | null }>, models: Array<{ id: string, versions: Array<{ id: string }> }>, evaluations: Array<{ id: string }>, jobs: { totalCount: number, nodes: Array<{ id: string, kind: JobKind, status: JobStatus, createdAt: string }> } };

export type JobSummaryFragment = { id: string, kind: JobKind, subject: string, status: JobStatus, attempt: number, maxAttempts: number, error: string | null, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, parameters: unknown, progress: { stage: string | null, epoch: number | null, epochs: number | null, step: number | null, steps: number | null, loss: number | null, framesPerSecond: number | null, etaSeconds: number | null, fraction: number | null } | null, queuedBy: { id: string, name: string } | null };

export type JobsQueryVariables = Exact<{
  filter?: JobFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type JobsQuery = { jobs: { totalCount: number, nodes: Array<{ id: string, kind: JobKind, subject: string, status: JobStatus, attempt: number, maxAttempts: number, error: string | null, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, parameters: unknown, progress: { stage: string | null, epoch: number | null, epochs: number | null, step: number | null, steps: number | null, loss: number | null, framesPerSecond: number | null, etaSeconds: number | null, fraction: number | null } | null, queuedBy: { id: string, name: string } | null }> } };

export type JobUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type JobUpdatesSubscription = { jobUpdated: { id: string, kind: JobKind, subject: string, status: JobStatus, attempt: number, maxAttempts: number, error: string | null, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, parameters: unknown, progress: { stage: string | null, epoch: number | null, epochs: number | null, step: number | null, steps: number | null, loss: number | null, framesPerSecond: number | null, etaSeconds: number | null, fraction: number | null } | null, queuedBy: { id: string, name: string } | null } };

export type JobLiveFragment = { id: string, kind: JobKind, subject: string, status: JobStatus, attempt: number, maxAttempts: number, error: string | null, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, parameters: unknown, lossCurve: Array<{ stage: string, epoch: number, globalStep: number, loss: number }>, epochResults: Array<{ stage: string, epoch: number, loss: number, validationLoss: number | null, seconds: number }>, logs: Array<{ at: string, attempt: number, level: string, message: string }>, progress: { stage: string | null, epoch: number | null, epochs: number | null, step: number | null, steps: number | null, loss: number | null, framesPerSecond: number | null, etaSeconds: number | null, fraction: number | null } | null, queuedBy: { id: string, name: string } | null };

export type JobDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type JobDetailQuery = { job: { result: unknown, heartbeatAt: string | null, id: string, kind: JobKind, subject: string, status: JobStatus, attempt: number, maxAttempts: number, error: string | null, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, parameters: unknown, inferenceRuns: Array<{ id: string, video: { id: string, name: string } }>, modelVersion: { id: string, number: number, model: { id: string, name: string } } | null, evaluation: { id: string, microAuc: number | null, macroAuc: number | null } | null, lossCurve: Array<{ stage: string, epoch: number, globalStep: number, loss: number }>, epochResults: Array<{ stage: string, epoch: number, loss: number, validationLoss: number | null, seconds: number }>, logs: Array<{ at: string, attempt: number, level: string, message: string }>, progress: { stage: string | null, epoch: number | null, epochs: number | null, step: number | null, steps: number | null, loss: number | null, framesPerSecond: number | null, etaSeconds: number | null, fraction: number | null } | null, queuedBy: { id: string, name: string } | null } | null };

export type JobDetailUpdatesSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type JobDetailUpdatesSubscription = { jobUpdated: { id: string, kind: JobKind, subject: string, status: JobStatus, attempt: number, maxAttempts: number, error: string | null, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, parameters: unknown, lossCurve: Array<{ stage: string, epoch: number, globalStep: number, loss: number }>, epochResults: Array<{ stage: string, epoch: number, loss: number, validationLoss: number | null, seconds: number }>, logs: Array<{ at: string, attempt: number, level: string, message: string }>, progress: { stage: string | null, epoch: number | null, epochs: number | null, step: number | null, steps: number | null, loss: number | null, framesPerSecond: number | null, etaSeconds: number | null, fraction: number | null } | null, queuedBy: { id: string, name: string } | null } };

export type CancelJobMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelJobMutation = { cancelJob: { id: string, kind: JobKind, subject: string, status: JobStatus, attempt: number, maxAttempts: number, error: string | null, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, parameters: unknown, progress: { stage: string | null, epoch: number | null, epochs: number | null, step: number | null, steps: number | null, loss: number | null, framesPerSecond: number | null, etaSeconds: number | null, fraction: number | null } | null, queuedBy: { id: string, name: string } | null } };

export type RetryJobMutationVariables = Exact<{
  id: string | number;
}>;


export type RetryJobMutation = { retryJob: { id: string, kind: JobKind, subject: string, status: JobStatus, attempt: number, maxAttempts: number, error: string | null, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, parameters: unknown, progress: { stage: string | null, epoch: number | null, epochs: number | null, step: number | null, steps: number | null, loss: number | null, framesPerSecond: number | null, etaSeconds: number | null, fraction: number | null } | null, queuedBy: { id: string, name: string } | null } };

export type StartJobChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type StartJobChoicesQuery = { protocols: Array<string>, datasets: Array<{ id: string, name: string, latestVersion: { id: string, number: number, summary: unknown } | null }>, modelPresets: Array<{ name: string, description: string, intendedFor: string, teacherEpochs: number, studentEpochs: number, batchSize: number, parameterCount: number, gflopsPerFrame: number, measuredSpeed: { teacherFramesPerSecond: number | null, studentFramesPerSecond: number | null, trainings: number } | null }>, workers: Array<{ backend: string, device: string, kinds: Array<string>, count: number }>, models: Array<{ id: string, name: string, versions: Array<{ id: string, number: number, preset: string | null, createdAt: string }> }>, jobs: { nodes: Array<{ id: string, createdAt: string, parameters: unknown }> } };

export type StartTrainingMutationVariables = Exact<{
  input: TrainingInput;
}>;


export type StartTrainingMutation = { startTraining: { id: string } };

export type StartInferenceMutationVariables = Exact<{
  input: InferenceInput;
}>;


export type StartInferenceMutation = { startInference: { id: string } };

export type StartEvaluationMutationVariables = Exact<{
  inferenceJobId: string | number;
  protocol?: string | null | undefined;
}>;


export type StartEvaluationMutation = { startEvaluation: { id: string } };

export type LeaderboardChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type LeaderboardChoicesQuery = { protocols: Array<string>, datasets: Array<{ id: string, name: string }> };

export type LeaderboardQueryVariables = Exact<{
  datasetId: string | number;
  metric?: LeaderboardMetric | null | undefined;
  protocol?: string | null | undefined;
}>;


export type LeaderboardQuery = { leaderboard: { metric: LeaderboardMetric, protocol: string, csvUrl: string, dataset: { id: string, name: string }, datasetVersion: { id: string, number: number, contentHash: string } | null, rows: Array<{ rank: number | null, microAuc: number | null, macroAuc: number | null, rbdc: number | null, tbdc: number | null, framesPerSecond: number | null, parameterCount: number | null, protocolName: string, checkpointRule: string, datasetVersionNumber: number, comparable: boolean, createdAt: string, author: { id: string, name: string } | null, evaluation: { id: string, job: { id: string } | null, inferenceJob: { id: string } | null }, modelVersion: { id: string, number: number, model: { id: string, name: string } } }>, references: Array<{ source: string, microAuc: number | null, macroAuc: number | null, rbdc: number | null, tbdc: number | null, framesPerSecond: number | null }> } };

export type ModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelsQuery = { models: Array<{ id: string, name: string, createdAt: string, aliases: Array<{ alias: string, modelVersion: { id: string, number: number } }>, versions: Array<{ id: string, number: number, preset: string | null, createdAt: string }> }> };

export type ModelDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ModelDetailQuery = { model: { id: string, name: string, createdAt: string, aliases: Array<{ alias: string, modelVersion: { id: string, number: number } }>, versions: Array<{ id: string, number: number, preset: string | null, checkpointRule: string, parameterCount: number | null, gflopsPerFrame: number | null, config: unknown, trainingMetrics: unknown, createdAt: string, aliases: Array<string>, checkpointUrl: string, onnxUrl: string | null, scoreWeights: { teacherError: number, discrepancy: number, classifier: number, source: string, validationAuc: Array<{ set: string, auc: number }>, paperWeightsValidationAuc: Array<{ set: string, auc: number }> }, createdBy: { id: string, name: string } | null, trainingJob: { id: string, status: JobStatus, finishedAt: string | null } | null, datasetVersion: { id: string, number: number, contentHash: string, summary: unknown, dataset: { id: string, name: string } } | null, evaluations: Array<{ id: string, protocolName: string, microAuc: number | null, macroAuc: number | null, rbdc: number | null, tbdc: number | null, eer: number | null, createdAt: string }> }> } | null };

export type ModelVersionRunsQueryVariables = Exact<{
  modelVersionId: string | number;
}>;


export type ModelVersionRunsQuery = { inferenceRuns: Array<{ id: string, engine: string, framesPerSecond: number | null, createdAt: string, video: { id: string, name: string, split: VideoSplit } }> };

export type PromoteModelVersionMutationVariables = Exact<{
  id: string | number;
  alias?: string | null | undefined;
}>;


export type PromoteModelVersionMutation = { promoteModelVersion: { id: string, aliases: Array<string> } };

export type RunViewerQueryVariables = Exact<{
  runId: string | number;
  protocol?: string | null | undefined;
}>;


export type RunViewerQuery = { protocols: Array<string>, inferenceRun: { id: string, engine: string, framesPerSecond: number | null, hasMaps: boolean, createdAt: string, scoresCsvUrl: string, job: { id: string }, modelVersion: { id: string, number: number, model: { id: string, name: string } }, video: { id: string, name: string, frameCount: number, width: number, height: number, fps: number | null, hasGroundTruth: boolean, abnormalIntervals: Array<Array<number>> }, frameScores: { protocol: unknown, scores: Array<number>, stagesNotApplied: Array<string>, labels: Array<number> | null, auc: number | null, teacherError: Array<number>, discrepancy: Array<number>, classifier: Array<number> } } | null };

export type RunFrameQueryVariables = Exact<{
  runId: string | number;
  frame: number;
  component?: string | null | undefined;
  threshold?: number | null | undefined;
}>;


export type RunFrameQuery = { inferenceRun: { id: string, anomalyMap: { url: string, width: number, height: number, low: number, high: number, scale: string, peak: number, regions: Array<{ x0: number, y0: number, x1: number, y1: number, peak: number }> } | null, video: { id: string, frameUrl: string } } | null };

export type RunSiblingsQueryVariables = Exact<{
  modelVersionId: string | number;
}>;


export type RunSiblingsQuery = { inferenceRuns: Array<{ id: string, video: { id: string, name: string } }>, evaluations: Array<{ id: string, protocolName: string, microAuc: number | null, macroAuc: number | null, eer: number | null, videosSkipped: number | null, createdAt: string, perVideoAuc: Array<{ video: string, auc: number | null }>, rocCurve: { fpr: Array<number>, tpr: Array<number> } | null }> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { mode: string, role: Role, user: { id: string, name: string, email: string }, team: { id: string, name: string, slug: string } } };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { mode: string, role: Role, user: { id: string, name: string, email: string } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type TeamQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamQuery = { viewer: { mode: string, role: Role, user: { id: string }, team: { id: string, name: string, slug: string, members: Array<{ role: Role, joinedAt: string, user: { id: string, name: string, email: string } }>, apiTokens: Array<{ id: string, name: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> } } };

export type InviteMemberMutationVariables = Exact<{
  email: string;
  name: string;
  role: Role;
  password: string;
}>;


export type InviteMemberMutation = { inviteMember: { role: Role, user: { id: string } } };

export type RemoveMemberMutationVariables = Exact<{
  userId: string | number;
}>;


export type RemoveMemberMutation = { removeMember: boolean };

export type ChangeRoleMutationVariables = Exact<{
  userId: string | number;
  role: Role;
}>;


export type ChangeRoleMutation = { changeRole: { role: Role, user: { id: string } } };

export type CreateApiTokenMutationVariables = Exact<{
  name: string;
  role?: Role | null | undefined;
}>;


export type CreateApiTokenMutation = { createApiToken: { token: string, apiToken: { id: string } } };

export type RevokeApiTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiTokenMutation = { revokeApiToken: { id: string, revokedAt: string | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const JobSummaryFragmentDoc = new TypedDocumentString(`
    fragment JobSummary on Job {
  id
  kind
  subject
  status
  attempt
  maxAttempts
  error
  cancelRequested
  createdAt
  startedAt
  finishedAt
  parameters
  progress {
    stage
    epoch
    epochs
    step
    steps
    loss
    framesPerSecond
    etaSeconds
    fraction
  }
  queuedBy {
    id
    name
  }
}
    `, {"fragmentName":"JobSummary"}) as unknown as TypedDocumentString<JobSummaryFragment, unknown>;
export const JobLiveFragmentDoc = new TypedDocumentString(`
    fragment JobLive on Job {
  ...JobSummary
  lossCurve {
    stage
    epoch
    globalStep
    loss
  }
  epochResults {
    stage
    epoch
    loss
    validationLoss
    seconds
  }
  logs(last: 200) {
    at
    attempt
    level
    message
  }
}
    fragment JobSummary on Job {
  id
  kind
  subject
  status
  attempt
  maxAttempts
  error
  cancelRequested
  createdAt
  startedAt
  finishedAt
  parameters
  progress {
    stage
    epoch
    epochs
    step
    steps
    loss
    framesPerSecond
    etaSeconds
    fraction
  }
  queuedBy {
    id
    name
  }
}`, {"fragmentName":"JobLive"}) as unknown as TypedDocumentString<JobLiveFragment, unknown>;
export const DatasetsDocument = new TypedDocumentString(`
    query Datasets {
  datasets {
    id
    name
    createdAt
    versions {
      id
    }
    latestVersion {
      id
      number
      summary
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<DatasetsQuery, DatasetsQueryVariables>;
export const FrameCacheDocument = new TypedDocumentString(`
    query FrameCache {
  viewer {
    role
  }
  frameCache {
    bytes
    budgetBytes
  }
}
    `) as unknown as TypedDocumentString<FrameCacheQuery, FrameCacheQueryVariables>;
export const ClearFrameCacheDocument = new TypedDocumentString(`
    mutation ClearFrameCache {
  clearFrameCache {
    bytes
    budgetBytes
  }
}
    `) as unknown as TypedDocumentString<ClearFrameCacheMutation, ClearFrameCacheMutationVariables>;
export const DatasetDetailDocument = new TypedDocumentString(`
    query DatasetDetail($id: ID!) {
  dataset(id: $id) {
    id
    name
    createdAt
    versions {
      id
      number
      contentHash
      format
      summary
      createdAt
    }
    latestVersion {
      id
      number
      videos {
        id
        name
        split
        frameCount
        width
        height
        fps
        codec
        sizeBytes
        status
        error
        hasGroundTruth
        hasPixelMasks
        abnormalIntervals
        frameUrl
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DatasetDetailQuery, DatasetDetailQueryVariables>;
export const SyntheticPreviewDocument = new TypedDocumentString(`
    query SyntheticPreview($id: ID!, $seed: Int, $count: Int) {
  dataset(id: $id) {
    id
    latestVersion {
      id
      number
      syntheticPreviewUrl(seed: $seed, count: $count)
    }
  }
}
    `) as unknown as TypedDocumentString<SyntheticPreviewQuery, SyntheticPreviewQueryVariables>;
export const CreateDatasetDocument = new TypedDocumentString(`
    mutation CreateDataset($name: String!) {
  createDataset(name: $name) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateDatasetMutation, CreateDatasetMutationVariables>;
export const RenameDatasetDocument = new TypedDocumentString(`
    mutation RenameDataset($id: ID!, $name: String!) {
  renameDataset(id: $id, name: $name) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<RenameDatasetMutation, RenameDatasetMutationVariables>;
export const DeleteDatasetDocument = new TypedDocumentString(`
    mutation DeleteDataset($id: ID!) {
  deleteDataset(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteDatasetMutation, DeleteDatasetMutationVariables>;
export const SetFrameLabelsDocument = new TypedDocumentString(`
    mutation SetFrameLabels($videoId: ID!, $labels: [Int!], $intervals: [[Int!]!]) {
  setFrameLabels(videoId: $videoId, labels: $labels, intervals: $intervals) {
    id
    hasGroundTruth
    abnormalIntervals
  }
}
    `) as unknown as TypedDocumentString<SetFrameLabelsMutation, SetFrameLabelsMutationVariables>;
export const ImportJobDocument = new TypedDocumentString(`
    query ImportJob($id: ID!) {
  job(id: $id) {
    id
    status
    error
    progress {
      fraction
      stage
    }
  }
}
    `) as unknown as TypedDocumentString<ImportJobQuery, ImportJobQueryVariables>;
export const OverviewDocument = new TypedDocumentString(`
    query Overview {
  health {
    version
    database
    queue
  }
  datasets {
    id
    name
    latestVersion {
      id
      summary
    }
  }
  models {
    id
    versions {
      id
    }
  }
  evaluations {
    id
  }
  jobs(first: 5) {
    totalCount
    nodes {
      id
      kind
      status
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const JobsDocument = new TypedDocumentString(`
    query Jobs($filter: JobFilter, $first: Int) {
  jobs(filter: $filter, first: $first) {
    totalCount
    nodes {
      ...JobSummary
    }
  }
}
    fragment JobSummary on Job {
  id
  kind
  subject
  status
  attempt
  maxAttempts
  error
  cancelRequested
  createdAt
  startedAt
  finishedAt
  parameters
  progress {
    stage
    epoch
    epochs
    step
    steps
    loss
    framesPerSecond
    etaSeconds
    fraction
  }
  queuedBy {
    id
    name
  }
}`) as unknown as TypedDocumentString<JobsQuery, JobsQueryVariables>;
export const JobUpdatesDocument = new TypedDocumentString(`
    subscription JobUpdates {
  jobUpdated {
    ...JobSummary
  }
}
    fragment JobSummary on Job {
  id
  kind
  subject
  status
  attempt
  maxAttempts
  error
  cancelRequested
  createdAt
  startedAt
  finishedAt
  parameters
  progress {
    stage
    epoch
    epochs
    step
    steps
    loss
    framesPerSecond
    etaSeconds
    fraction
  }
  queuedBy {
    id
    name
  }
}`) as unknown as TypedDocumentString<JobUpdatesSubscription, JobUpdatesSubscriptionVariables>;
export const JobDetailDocument = new TypedDocumentString(`
    query JobDetail($id: ID!) {
  job(id: $id) {
    ...JobLive
    result
    heartbeatAt
    inferenceRuns {
      id
      video {
        id
        name
      }
    }
    modelVersion {
      id
      number
      model {
        id
        name
      }
    }
    evaluation {
      id
      microAuc
      macroAuc
    }
  }
}
    fragment JobSummary on Job {
  id
  kind
  subject
  status
  attempt
  maxAttempts
  error
  cancelRequested
  createdAt
  startedAt
  finishedAt
  parameters
  progress {
    stage
    epoch
    epochs
    step
    steps
    loss
    framesPerSecond
    etaSeconds
    fraction
  }
  queuedBy {
    id
    name
  }
}
fragment JobLive on Job {
  ...JobSummary
  lossCurve {
    stage
    epoch
    globalStep
    loss
  }
  epochResults {
    stage
    epoch
    loss
    validationLoss
    seconds
  }
  logs(last: 200) {
    at
    attempt
    level
    message
  }
}`) as unknown as TypedDocumentString<JobDetailQuery, JobDetailQueryVariables>;
export const JobDetailUpdatesDocument = new TypedDocumentString(`
    subscription JobDetailUpdates($id: ID!) {
  jobUpdated(id: $id) {
    ...JobLive
  }
}
    fragment JobSummary on Job {
  id
  kind
  subject
  status
  attempt
  maxAttempts
  error
  cancelRequested
  createdAt
  startedAt
  finishedAt
  parameters
  progress {
    stage
    epoch
    epochs
    step
    steps
    loss
    framesPerSecond
    etaSeconds
    fraction
  }
  queuedBy {
    id
    name
  }
}
fragment JobLive on Job {
  ...JobSummary
  lossCurve {
    stage
    epoch
    globalStep
    loss
  }
  epochResults {
    stage
    epoch
    loss
    validationLoss
    seconds
  }
  logs(last: 200) {
    at
    attempt
    level
    message
  }
}`) as unknown as TypedDocumentString<JobDetailUpdatesSubscription, JobDetailUpdatesSubscriptionVariables>;
export const CancelJobDocument = new TypedDocumentString(`
    mutation CancelJob($id: ID!) {
  cancelJob(id: $id) {
    ...JobSummary
  }
}
    fragment JobSummary on Job {
  id
  kind
  subject
  status
  attempt
  maxAttempts
  error
  cancelRequested
  createdAt
  startedAt
  finishedAt
  parameters
  progress {
    stage
    epoch
    epochs
    step
    steps
    loss
    framesPerSecond
    etaSeconds
    fraction
  }
  queuedBy {
    id
    name
  }
}`) as unknown as TypedDocumentString<CancelJobMutation, CancelJobMutationVariables>;
export const RetryJobDocument = new TypedDocumentString(`
    mutation RetryJob($id: ID!) {
  retryJob(id: $id) {
    ...JobSummary
  }
}
    fragment JobSummary on Job {
  id
  kind
  subject
  status
  attempt
  maxAttempts
  error
  cancelRequested
  createdAt
  startedAt
  finishedAt
  parameters
  progress {
    stage
    epoch
    epochs
    step
    steps
    loss
    framesPerSecond
    etaSeconds
    fraction
  }
  queuedBy {
    id
    name
  }
}`) as unknown as TypedDocumentString<RetryJobMutation, RetryJobMutationVariables>;
export const StartJobChoicesDocument = new TypedDocumentString(`
    query StartJobChoices {
  datasets {
    id
    name
    latestVersion {
      id
      number
      summary
    }
  }
  modelPresets {
    name
    description
    intendedFor
    teacherEpochs
    studentEpochs
    batchSize
    parameterCount
    gflopsPerFrame
    measuredSpeed {
      teacherFramesPerSecond
      studentFramesPerSecond
      trainings
    }
  }
  workers {
    backend
    device
    kinds
    count
  }
  models {
    id
    name
    versions {
      id
      number
      preset
      createdAt
    }
  }
  protocols
  jobs(filter: {kind: [INFER], status: [SUCCEEDED]}, first: 50) {
    nodes {
      id
      createdAt
      parameters
    }
  }
}
    `) as unknown as TypedDocumentString<StartJobChoicesQuery, StartJobChoicesQueryVariables>;
export const StartTrainingDocument = new TypedDocumentString(`
    mutation StartTraining($input: TrainingInput!) {
  startTraining(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<StartTrainingMutation, StartTrainingMutationVariables>;
export const StartInferenceDocument = new TypedDocumentString(`
    mutation StartInference($input: InferenceInput!) {
  startInference(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<StartInferenceMutation, StartInferenceMutationVariables>;
export const StartEvaluationDocument = new TypedDocumentString(`
    mutation StartEvaluation($inferenceJobId: ID!, $protocol: String) {
  startEvaluation(inferenceJobId: $inferenceJobId, protocol: $protocol) {
    id
  }
}
    `) as unknown as TypedDocumentString<StartEvaluationMutation, StartEvaluationMutationVariables>;
export const LeaderboardChoicesDocument = new TypedDocumentString(`
    query LeaderboardChoices {
  datasets {
    id
    name
  }
  protocols
}
    `) as unknown as TypedDocumentString<LeaderboardChoicesQuery, LeaderboardChoicesQueryVariables>;
export const LeaderboardDocument = new TypedDocumentString(`
    query Leaderboard($datasetId: ID!, $metric: LeaderboardMetric, $protocol: String) {
  leaderboard(datasetId: $datasetId, metric: $metric, protocol: $protocol) {
    metric
    protocol
    csvUrl
    dataset {
      id
      name
    }
    datasetVersion {
      id
      number
      contentHash
    }
    rows {
      rank
      microAuc
      macroAuc
      rbdc
      tbdc
      framesPerSecond
      parameterCount
      protocolName
      checkpointRule
      datasetVersionNumber
      comparable
      createdAt
      author {
        id
        name
      }
      evaluation {
        id
        job {
          id
        }
        inferenceJob {
          id
        }
      }
      modelVersion {
        id
        number
        model {
          id
          name
        }
      }
    }
    references {
      source
      microAuc
      macroAuc
      rbdc
      tbdc
      framesPerSecond
    }
  }
}
    `) as unknown as TypedDocumentString<LeaderboardQuery, LeaderboardQueryVariables>;
export const ModelsDocument = new TypedDocumentString(`
    query Models {
  models {
    id
    name
    createdAt
    aliases {
      alias
      modelVersion {
        id
        number
      }
    }
    versions {
      id
      number
      preset
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<ModelsQuery, ModelsQueryVariables>;
export const ModelDetailDocument = new TypedDocumentString(`
    query ModelDetail($id: ID!) {
  model(id: $id) {
    id
    name
    createdAt
    aliases {
      alias
      modelVersion {
        id
        number
      }
    }
    versions {
      id
      number
      preset
      checkpointRule
      scoreWeights {
        teacherError
        discrepancy
        classifier
        source
        validationAuc {
          set
          auc
        }
        paperWeightsValidationAuc {
          set
          auc
        }
      }
      parameterCount
      gflopsPerFrame
      config
      trainingMetrics
      createdAt
      aliases
      checkpointUrl
      onnxUrl
      createdBy {
        id
        name
      }
      trainingJob {
        id
        status
        finishedAt
      }
      datasetVersion {
        id
        number
        contentHash
        summary
        dataset {
          id
          name
        }
      }
      evaluations {
        id
        protocolName
        microAuc
        macroAuc
        rbdc
        tbdc
        eer
        createdAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ModelDetailQuery, ModelDetailQueryVariables>;
export const ModelVersionRunsDocument = new TypedDocumentString(`
    query ModelVersionRuns($modelVersionId: ID!) {
  inferenceRuns(modelVersionId: $modelVersionId) {
    id
    engine
    framesPerSecond
    createdAt
    video {
      id
      name
      split
    }
  }
}
    `) as unknown as TypedDocumentString<ModelVersionRunsQuery, ModelVersionRunsQueryVariables>;
export const PromoteModelVersionDocument = new TypedDocumentString(`
    mutation PromoteModelVersion($id: ID!, $alias: String) {
  promoteModelVersion(id: $id, alias: $alias) {
    id
    aliases
  }
}
    `) as unknown as TypedDocumentString<PromoteModelVersionMutation, PromoteModelVersionMutationVariables>;
export const RunViewerDocument = new TypedDocumentString(`
    query RunViewer($runId: ID!, $protocol: String) {
  inferenceRun(id: $runId) {
    id
    engine
    framesPerSecond
    hasMaps
    createdAt
    job {
      id
    }
    modelVersion {
      id
      number
      model {
        id
        name
      }
    }
    video {
      id
      name
      frameCount
      width
      height
      fps
      hasGroundTruth
      abnormalIntervals
    }
    scoresCsvUrl(protocol: $protocol)
    frameScores(protocol: $protocol) {
      protocol
      scores
      stagesNotApplied
      labels
      auc
      teacherError
      discrepancy
      classifier
    }
  }
  protocols
}
    `) as unknown as TypedDocumentString<RunViewerQuery, RunViewerQueryVariables>;
export const RunFrameDocument = new TypedDocumentString(`
    query RunFrame($runId: ID!, $frame: Int!, $component: String, $threshold: Float) {
  inferenceRun(id: $runId) {
    id
    anomalyMap(frame: $frame, component: $component, threshold: $threshold) {
      url
      width
      height
      low
      high
      scale
      peak
      regions {
        x0
        y0
        x1
        y1
        peak
      }
    }
    video {
      id
      frameUrl(frame: $frame)
    }
  }
}
    `) as unknown as TypedDocumentString<RunFrameQuery, RunFrameQueryVariables>;
export const RunSiblingsDocument = new TypedDocumentString(`
    query RunSiblings($modelVersionId: ID!) {
  inferenceRuns(modelVersionId: $modelVersionId) {
    id
    video {
      id
      name
    }
  }
  evaluations(modelVersionId: $modelVersionId) {
    id
    protocolName
    microAuc
    macroAuc
    eer
    videosSkipped
    createdAt
    perVideoAuc {
      video
      auc
    }
    rocCurve {
      fpr
      tpr
    }
  }
}
    `) as unknown as TypedDocumentString<RunSiblingsQuery, RunSiblingsQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    mode
    role
    user {
      id
      name
      email
    }
    team {
      id
      name
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    mode
    role
    user {
      id
      name
      email
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const TeamDocument = new TypedDocumentString(`
    query Team {
  viewer {
    mode
    role
    user {
      id
    }
    team {
      id
      name
      slug
      members {
        role
        joinedAt
        user {
          id
          name
          email
        }
      }
      apiTokens {
        id
        name
        role
        createdAt
        lastUsedAt
        revokedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TeamQuery, TeamQueryVariables>;
export const InviteMemberDocument = new TypedDocumentString(`
    mutation InviteMember($email: String!, $name: String!, $role: Role!, $password: String!) {
  inviteMember(email: $email, name: $name, role: $role, password: $password) {
    role
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<InviteMemberMutation, InviteMemberMutationVariables>;
export const RemoveMemberDocument = new TypedDocumentString(`
    mutation RemoveMember($userId: ID!) {
  removeMember(userId: $userId)
}
    `) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const ChangeRoleDocument = new TypedDocumentString(`
    mutation ChangeRole($userId: ID!, $role: Role!) {
  changeRole(userId: $userId, role: $role) {
    role
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ChangeRoleMutation, ChangeRoleMutationVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($name: String!, $role: Role) {
  createApiToken(name: $name, role: $role) {
    token
    apiToken {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($id: ID!) {
  revokeApiToken(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;