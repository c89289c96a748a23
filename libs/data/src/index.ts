// Public API of @vad/data: video ingest, data-set importers, frame cache, motion signals, synthetic
// anomalies and training batches. Files and typed arrays only: no database, HTTP or tensors.
export { DataError, DataErrorCode } from './data.error';

// Ingest: decoding and validation of untrusted videos and frame folders.
export { DEFAULT_INGEST_LIMITS, pixelBudget, resolveIngestLimits, type IngestLimits } from './decode/ingest-limits';
export { DEFAULT_FFMPEG_TOOLS, type FfmpegTools } from './decode/ffmpeg-tools';
export { openFrameSource, type FrameSource } from './decode/frame-source';
export { inspectFrameSource, ACCEPTED_VIDEO_CODECS, type SourceInspection, type InspectOptions } from './decode/inspect-source';
export { framePng, type FramePngOptions } from './decode/frame-png';
export { decodeFrames, decodeAllFrames, frameBytes, CHANNELS_OF, type ColourMode, type FrameGeometry, type DecodeOptions } from './decode/frame-decoder';
export { VIDEO_EXTENSIONS, IMAGE_EXTENSIONS } from './decode/media-type';

// Importers.
export { importDataset, parseDatasetFormat, type ImportOptions } from './importers/import-dataset';
export {
  DATASET_FORMATS,
  type DatasetFormat,
  type DatasetSummary,
  type ImportedDataset,
  type ImportedVideo,
  type MaskFormat,
  type VideoSplit,
} from './importers/imported-dataset';
export { datasetVersion } from './importers/dataset-version';
export { resolveWithinRoots } from './importers/import-roots';

// Ground truth.
export { readLabelSource, resolveFrameLabels, type LabelSource, type LabelSpec } from './ground-truth/frame-labels';
export { openImportedMasks, openMaskSet, readMaskFrames, labelsFromMasks, validateMaskSet, type MaskSet } from './ground-truth/pixel-masks';
export { compareNatural } from './decode/natural-order';
export { readNpy, readNpyHeader, type NpyArray, type NpyHeader } from './ground-truth/npy-reader';
export { readMat, type MatValue } from './ground-truth/mat-reader';

// Frame cache.
export { FrameCache, CachedFrames, DEFAULT_FRAME_CACHE_BYTES, FRAME_CACHE_FORMAT, type FrameCacheKey, type FrameCacheOptions } from './cache/frame-cache';
export { openCachedVideo, openCachedVideos, openMedianFilteredFrames, type CacheableVideo } from './cache/cache-video';
export { InMemoryFrameStore, type FrameStore } from './cache/frame-store';

// Training signals.
export { medianFilter3x3 } from './signals/median-filter';
export { motionGradient, motionFramePair, boostGradient, absoluteDifference, type MotionMode } from './signals/motion-gradient';
export { tokenWeights, tokenGrid } from './signals/token-weights';

// Synthetic anomalies.
export { combineSeeds, createRandom, deriveSeed, SeededRandom, type Random, type RandomState } from './random/seeded-random';
export { mixObjectSources, type AnomalyObject, type AnomalyObjectSource } from './synthetic/anomaly-object';
export { createProceduralShapeSource } from './synthetic/procedural-shapes';
export { createFrameRegionSource, findMovingRegions } from './synthetic/frame-region-source';
export { createAnnotatedRegionSource, loadAnnotatedVideo, openAnnotatedVideos, type AnnotatedVideo } from './synthetic/annotated-region-source';
export { createDefaultObjectSource } from './synthetic/default-object-source';
export {
  sampleSyntheticAnomaly,
  renderSyntheticAnomaly,
  DEFAULT_SYNTHETIC_ANOMALY_OPTIONS,
  type SyntheticAnomaly,
  type SyntheticAnomalyOptions,
} from './synthetic/synthetic-anomaly';

// Batching.
export type { TrainingBatch } from './batching/training-batch';
export {
  createTrainingBatches,
  planTrainingBatches,
  SYNTHETIC_ANOMALY_MOTION_FLOOR,
  SYNTHETIC_ANOMALY_PROBABILITY,
  type TrainingBatchOptions,
  type TrainingBatchPlan,
} from './batching/create-training-batches';
export type { InputMode } from './batching/training-sample';

// Preview.
export { previewDataset, type DatasetPreview, type DatasetPreviewOptions } from './preview/dataset-preview';
export { renderSyntheticPreview } from './preview/synthetic-preview';
export { contactSheet, encodePng, type RgbImage } from './preview/contact-sheet';

export {
  AnomalyMapWriter,
  MAP_NAMES,
  readAnomalyMapHeader,
  readMapComponents,
  type AnomalyMapHeader,
  type MapName,
  type StoredChannelGroup,
  type StoredMapComponents,
  type TokenMap,
} from './maps/anomaly-map-file';
