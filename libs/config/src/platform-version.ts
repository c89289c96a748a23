// The platform's version, shown by `vad --version` and the health query.
import rootPackage from '../../../package.json';

export const PLATFORM_VERSION: string = rootPackage.version;
