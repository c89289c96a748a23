export { loadConfig, type VadConfig, type DeploymentMode } from './vad-config';
export { ConfigError, ConfigErrorCode } from './config.error';
export { PLATFORM_VERSION } from './platform-version';
export { hostNameOf, isAllowedHost, isLoopbackName, type AllowedHosts } from './network/allowed-hosts';
export { forwardedClient, isLoopbackAddress, isTrustedProxy, plainAddress, type ForwardedClient, type TrustedProxies } from './network/trusted-proxies';
