import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const server = "http://127.0.0.1:3000";

export default defineConfig({
  root: "client",
  plugins: [
    react(),
    // The service worker (client/offline/sw.ts), given the list of built files to precache;
    // registered by client/offline/register.ts.
    VitePWA({
      strategies: "injectManifest",
      srcDir: "offline",
      filename: "sw.ts",
      injectRegister: false,
      manifest: false,
      injectManifest: { rollupFormat: "iife", sourcemap: false },
    }),
  ],
  build: {
    outDir: process.env.MAILLAGE_CLIENT_OUT
      ? resolve(process.env.MAILLAGE_CLIENT_OUT)
      : resolve(import.meta.dirname, "dist/client"),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      "/api": { target: server, changeOrigin: false },
      "/sync": { target: server, ws: true, changeOrigin: false },
    },
  },
});
