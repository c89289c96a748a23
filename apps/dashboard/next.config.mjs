// Next.js settings for the dashboard. No external fonts, images or scripts: it runs fully offline.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // @vad/metrics ships TypeScript sources (the exact ROC/AUC the API uses); Next compiles them with the app.
  transpilePackages: ['@vad/metrics'],
  // browsers still ask for /favicon.ico now and then (after a history navigation, for one): answer with the app's icon
  async rewrites() {
    return [{ source: '/favicon.ico', destination: '/icon.svg' }];
  },
};

export default nextConfig;
