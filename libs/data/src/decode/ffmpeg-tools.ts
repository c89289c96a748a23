// Where the ffmpeg and ffprobe executables are. Debian's maintained build is the default
// (an unpatched static build is a risk for untrusted uploads, see notes/stack.md).

export interface FfmpegTools {
  ffmpegPath: string;
  ffprobePath: string;
}

export const DEFAULT_FFMPEG_TOOLS: Readonly<FfmpegTools> = { ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe' };

/**
 * Arguments every ffmpeg/ffprobe call starts with: quiet logs, and only local files and pipes, so that
 * a crafted input cannot make ffmpeg open network URLs or other protocols (stdin is never connected).
 */
export const SAFE_INPUT_ARGS: readonly string[] = ['-hide_banner', '-v', 'error', '-protocol_whitelist', 'file,pipe'];
