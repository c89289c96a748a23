// Where the API listens, given at run time by `vad start` (so one build serves any port).
export function apiUrl(): string {
  return process.env.VAD_API_URL ?? `http://127.0.0.1:${process.env.PORT_API ?? 4000}`;
}
