// What a format-specific importer finds on disk before anything is validated: the videos, their split,
// and the ground truth that ships with the data set.
import type { LabelSource, LabelSpec } from '../ground-truth/frame-labels';
import type { MaskSet } from '../ground-truth/pixel-masks';
import type { VideoSplit } from './imported-dataset';

export interface LayoutVideo {
  name: string;
  split: VideoSplit;
  sourcePath: string;
  /** Ground truth found beside this video (e.g. UBnormal tracks). */
  labels?: LabelSpec;
  masks?: MaskSet;
}

export interface DatasetLayout {
  videos: LayoutVideo[];
  /** A label file shipped with the data set, used when the user gives none. */
  labels?: LabelSource;
  /** Frame rate of frame folders, which carry none. */
  folderFps: number;
  anomalySources?: LayoutVideo[];
  /** Remarks for the summary's warnings. */
  notes?: string[];
}

export interface LayoutOptions {
  /** UBnormal: which split plays the role of the test set. */
  ubnormalTestSplit?: 'test' | 'validation';
}
