// Same-origin route for a test video's pixel masks: streams the multipart upload to the API's
// POST /uploads/videos/:id/masks, for the dashboard's own pages only (same-origin-check.ts).
import { forwardUpload } from '../../../../forward-upload';

/** A video id is letters, digits and dashes: nothing else (a slash, dots, an escape) reaches the API's path. */
const VIDEO_ID = /^[\w-]{1,64}$/;

export async function POST(request: Request, context: { params: Promise<{ videoId: string }> }): Promise<Response> {
  const { videoId } = await context.params;
  if (!VIDEO_ID.test(videoId)) return Response.json({ error: { code: 'BAD_USER_INPUT', message: 'not a video id' } }, { status: 400 });
  return forwardUpload(request, `/uploads/videos/${videoId}/masks`);
}
