/** @type {import('next').NextConfig} */
const nextConfig = {
  // client-node is ESM with optional native bits; bundling it breaks its dynamic imports.
  // PGlite loads its wasm and data files from its own package folder; pg has optional native bits.
  serverExternalPackages: ['@kubernetes/client-node', 'pino', '@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
