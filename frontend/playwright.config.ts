import { defineConfig, devices } from '@playwright/test';
import { startBotApiStub } from './e2e/support/botApiStub';

/**
 * End-to-end tests of the dashboard against the real dev mode (`java -jar devmode/target/inmo-dev.jar`:
 * embedded Temporal, PostgreSQL and Redis, api + worker, offline LLM, simulated voice), driving Debian's
 * Chromium through playwright-core: no browser is downloaded. Maven runs them in devmode's
 * integration-test phase; `E2E_BASE_URL=http://localhost:8000 npx playwright test` runs them against a
 * dev mode that is already up.
 *
 * Telegram is the one provider these tests need answering: a local Bot API stub (e2e/support/botApiStub.ts)
 * started here, in the runner's process only (workers inherit the port through the environment).
 */
const randomPort = () => String(20000 + Math.floor(Math.random() * 20000));
process.env.E2E_PORT ??= randomPort();
process.env.E2E_TEMPORAL_PORT ??= randomPort();
process.env.E2E_TELEGRAM_PORT ??= randomPort();
if (!process.env.TEST_WORKER_INDEX && !process.env.E2E_STUB_STARTED) {
  process.env.E2E_STUB_STARTED = '1';
  startBotApiStub(Number(process.env.E2E_TELEGRAM_PORT));
}

const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://localhost:${process.env.E2E_PORT}`;
const reports = '../devmode/target';

export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  // one dev mode, shared state (one demo broker): the scenarios run one after another
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  outputDir: `${reports}/e2e-results`,
  reporter: [['list'], ['junit', { outputFile: `${reports}/failsafe-reports/TEST-dashboard-e2e.xml` }]],
  use: {
    baseURL,
    locale: 'es-CL',
    timezoneId: 'America/Santiago',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // this machine's network is closed: without these, Chromium keeps calling Google's services
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: external
    ? undefined
    : {
        command: 'java -XX:TieredStopAtLevel=1 -jar ../devmode/target/inmo-dev.jar',
        url: `http://127.0.0.1:${process.env.E2E_PORT}/health`,
        timeout: 240_000,
        reuseExistingServer: false,
        // SIGTERM, not Playwright's default kill: the launcher's shutdown hook stops the embedded PostgreSQL,
        // Redis and Temporal it started, so no process outlives the run
        gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
        stdout: 'pipe',
        stderr: 'pipe',
        env: {
          PORT: process.env.E2E_PORT!,
          INMO_DEV_TEMPORAL_PORT: process.env.E2E_TEMPORAL_PORT!,
          TELEGRAM_TOKEN: '123456789:E2E-test-token-aaaaaaaaaaaaaaaaaaaaaaaa',
          TELEGRAM_API_URL: `http://127.0.0.1:${process.env.E2E_TELEGRAM_PORT}`,
        },
      },
});
