import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// The dashboard (index.html) and the embeddable web chat widget (widget.js, one script tag on a broker's
// site) are built together. `npm run dev` proxies the api of `./inmo dev` on :8000.
const api = process.env.INMO_API_URL ?? 'http://localhost:8000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    rollupOptions: {
      input: {
        main: resolve(__dirname, 'index.html'),
        widgetDemo: resolve(__dirname, 'widget-demo.html'),
        widget: resolve(__dirname, 'src/widget/widget.ts'),
      },
      output: {
        // the widget keeps a stable name, so brokers paste one script tag that survives deploys
        entryFileNames: (chunk) => (chunk.name === 'widget' ? 'widget.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/auth': { target: api, changeOrigin: true },
      '/oauth': { target: api, changeOrigin: true },
      '/health': { target: api, changeOrigin: true },
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    reporters: ['default', 'junit'],
    outputFile: { junit: './target/surefire-reports/TEST-dashboard-vitest.xml' },
  },
});
