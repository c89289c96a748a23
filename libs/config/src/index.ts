export { loadConfig, type VadConfig, type DeploymentMode } from './vad-config';
export { ConfigError, ConfigErrorCode } from './config.error';
export { PLATFORM_VERSION } from './platform-version';
