export type { ArtifactStorage } from './artifact-storage';
export { LocalStorage, assertValidKey } from './local-storage';
export { StorageError, StorageErrorCode } from './storage.error';
export { withSourceFiles } from './source-files';
