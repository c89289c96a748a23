// A test video's pixel masks to the platform's POST /uploads/videos/:id/masks (through the dashboard's
// same-origin proxy): the images of a folder, one per frame, in the natural order of their names.
import { uploadErrorFrom } from './upload-video';

export interface MasksAccepted {
  masks: number;
  abnormalFrames: number;
  /** Whether the video's frame labels now come from the masks (it had none). */
  labelsFromMasks: boolean;
}

const MASK_IMAGE = /\.(png|bmp|jpe?g|tiff?)$/i;

/** The mask images among a folder's files (a picked folder also holds notes, thumbnails and the like). */
export const maskImages = (files: readonly File[]): File[] => files.filter((file) => MASK_IMAGE.test(file.name) && !file.name.startsWith('.'));

export async function uploadMasks(videoId: string, files: readonly File[], send: typeof fetch = fetch): Promise<MasksAccepted> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  const response = await send(`/uploads/videos/${encodeURIComponent(videoId)}/masks`, {
    method: 'POST',
    // a header a page of another origin cannot send without a CORS preflight: the proxy and the API refuse uploads without it
    headers: { 'x-requested-with': 'XMLHttpRequest' },
    body: form,
  }).catch(() => null);
  if (response === null) throw uploadErrorFrom(0, '');
  const text = await response.text();
  if (!response.ok) throw uploadErrorFrom(response.status, text);
  return JSON.parse(text) as MasksAccepted;
}
