import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The client tsconfig has no Node types; this is the one Node global the config reads.
declare const process: { env: Record<string, string | undefined> };

const root = decodeURIComponent(new URL('.', import.meta.url).pathname);
const server = process.env.WC_SERVER ?? 'http://localhost:3000';

// root = client/, output in client/dist (served by the server in production).
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No public source maps in production (issue 10, item 15). BUILD_SOURCEMAPS=1 writes "hidden"
    // maps for debugging a build locally: no sourceMappingURL in the bundles, and the server
    // refuses every .map request anyway.
    sourcemap: process.env.BUILD_SOURCEMAPS === '1' ? 'hidden' : false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/socket.io': { target: server, ws: true, changeOrigin: true },
    },
  },
});
