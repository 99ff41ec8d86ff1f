import { defineConfig } from "vitest/config";

// Separate from vite.config.ts, whose root is client/ and would hide tests/ from vitest.
export default defineConfig({
  test: {
    include: [
      "shared/**/*.test.ts",
      "server/**/*.test.ts",
      "client/**/*.test.ts",
      "tests/**/*.test.ts",
    ],
    globalSetup: ["tests/helpers/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    // expect.poll waits for a condition; its 1 s default was shorter than a page's first
    // render while CI runs two suites at once (the circles map once counted 0 links).
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
