/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (server/index.ts) owns /api and socket.io; Next.js serves pages only.
  serverExternalPackages: ['kafkajs'],
};

module.exports = nextConfig;
