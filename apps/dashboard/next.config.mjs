// Next.js settings for the dashboard. No external fonts, images or scripts: it runs fully offline.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // @vad/metrics ships TypeScript sources (the exact ROC/AUC the API uses); Next compiles them with the app.
  transpilePackages: ['@vad/metrics'],
};

export default nextConfig;
