// URLs the API returns (frames, anomaly maps) may be absolute, pointing at the API's own port; the
// browser fetches them through the dashboard's same-origin /files proxy instead, so cookies and CSP stay simple.
export function sameOriginUrl(url: string): string {
  if (url.startsWith('/')) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
