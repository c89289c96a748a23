// Next.js settings for the dashboard. No external fonts, images or scripts: it runs fully offline.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
