// The result of an import: plain data that the platform records in its database in one transaction.
// Nothing is copied or written by the import; paths point at the user's files.

export const DATASET_FORMATS = ['ucsd', 'avenue', 'shanghaitech', 'ubnormal', 'folder'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export type VideoSplit = 'train' | 'test';

export type MaskFormat = 'image-folder' | 'npy' | 'mat';

export interface ImportedVideo {
  name: string;
  split: VideoSplit;
  /** Absolute path of the video file or of the frame folder. */
  sourcePath: string;
  sourceKind: 'video-file' | 'frame-folder';
  codec: string;
  fps: number;
  frameCount: number;
  width: number;
  height: number;
  sizeBytes: number;
  /** sha256 hex of the file, or of the frame files in order. */
  checksum: string;
  /** Test videos with ground truth: one 0/1 per frame, 1 = abnormal. */
  frameLabels?: number[];
  /** Folder (or .npy / .mat file) holding this video's pixel masks. */
  masksPath?: string;
  maskFormat?: MaskFormat;
  /** For sparse mask folders (UBnormal): the frame each mask file belongs to; other frames are empty. */
  maskFrameIndices?: number[];
  /** sha256 hex of the masks' content. */
  masksChecksum?: string;
}

export interface DatasetSummary {
  format: DatasetFormat;
  name: string;
  trainVideos: number;
  testVideos: number;
  trainFrames: number;
  testFrames: number;
  abnormalTestFrames: number;
  /** Test videos that have frame labels. */
  labelledTestVideos: number;
  /** True when at least one test video has pixel masks. */
  hasPixelMasks: boolean;
  pixelMaskedTestVideos: number;
  /** Videos with pixel-annotated anomalies usable as synthetic-anomaly sources (UBnormal's abnormal training videos). */
  anomalySourceVideos: number;
  /** Content hash of the videos and their ground truth: the same data gives the same version. */
  datasetVersion: string;
  /** Things the user should know that did not stop the import. */
  warnings: string[];
}

export interface ImportedDataset {
  format: DatasetFormat;
  name: string;
  rootPath: string;
  summary: DatasetSummary;
  videos: ImportedVideo[];
  /** Annotated abnormal videos that are neither trained nor tested on, only cut into synthetic anomalies. */
  anomalySources: ImportedVideo[];
}
