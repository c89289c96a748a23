// Same-origin upload route: streams a multipart video upload to the API's POST /uploads unchanged, for
// the dashboard's own pages only (same-origin-check.ts).
import { forwardUpload } from '../forward-upload';

export function POST(request: Request): Promise<Response> {
  return forwardUpload(request, '/uploads');
}
