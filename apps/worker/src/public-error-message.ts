// The error a failed job records, which every member of its team reads: without the absolute paths of the
// server's files (data folder, storage, caches), which say how the server is laid out. A path is shortened
// to its last part, which is what a person needs to recognise the file.
const ABSOLUTE_PATH = /(?<![\w.:/~-])\/(?:[^\s/"'`(),;:<>]+\/)+([^\s/"'`(),;:<>]+)/g;

export function publicErrorMessage(message: string): string {
  return message.replace(ABSOLUTE_PATH, '$1');
}
