// What resolvers of each GraphQL type receive as their parent: the store's rows (see codegen.ts).
import type { Store } from '@vad/db';
import type { Principal } from '../auth/principal';

export type UserModel = Store.User;
export type TeamModel = Store.Team;
export type MemberModel = Store.Membership & { user: Store.User };
export type ApiTokenModel = Store.ApiToken;
export type DatasetModel = Store.Dataset;
export type DatasetVersionModel = Store.DatasetVersion;
export type VideoModel = Store.Video & { groundTruth?: Store.GroundTruth | null };
export type ModelModel = Store.Model;
export type ModelAliasModel = Store.ModelAlias;
export type ModelVersionModel = Store.ModelVersion;
export type JobModel = Store.Job;
export type InferenceRunModel = Store.InferenceRun;
export type EvaluationModel = Store.Evaluation;
export type ViewerModel = Principal;

export interface LeaderboardRowModel {
  /** Null for rows not comparable with the board. */
  rank: number | null;
  evaluation: Store.Evaluation;
  modelVersion: Store.ModelVersion;
  framesPerSecond: number | null;
  comparable: boolean;
  datasetVersionNumber: number;
}
