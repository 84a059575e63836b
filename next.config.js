/** @type {import('next').NextConfig} */
const nextConfig = {
  // client-node is ESM with optional native bits; bundling it breaks its dynamic imports.
  serverExternalPackages: ['@kubernetes/client-node', 'pino'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
