/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The domain rules (enums, limits, validation) come straight from the shared library's sources,
// so the dashboard and the API can never disagree about what a valid coupon is.
const domainEntry = fileURLToPath(new URL('../libs/coupons/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@coupons/domain': domainEntry } },
  server: {
    // `npm run dev -w web` talks to an API started separately on its default port.
    proxy: { '/api': 'http://localhost:3000', '/auth': 'http://localhost:3000' },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // A zone with a half-hour offset and no DST makes local → UTC conversions unmistakable.
    env: { TZ: 'Asia/Kolkata' },
  },
});
