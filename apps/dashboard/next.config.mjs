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
  // no page of another site may frame the dashboard (clickjacking: a hidden frame over a decoy button)
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
