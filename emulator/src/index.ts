// Programmatic entry point: start a local DNAnexus API emulator on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdmin, handleAdminRequest, type EmulatorAdmin } from './admin.js';
import { newAdminSecret } from './adminSecret.js';
import { FaultQueue } from './faults.js';
import { createRequestHandler } from './http.js';
import { DebouncedSaver, loadStateFile } from './persistence.js';
import { RequestLog } from './requestLog.js';
import { demoInfo, seedDemo, type DemoInfo } from './seed.js';
import { EmulatorState } from './state.js';

export type { FaultSpec } from './faults.js';
export type { EmulatorAdmin } from './admin.js';
export type { DemoInfo } from './seed.js';
export { DEMO_TOKEN } from './seed.js';
export { ADMIN_SECRET_HEADER } from './adminSecret.js';
export { DEFAULT_REQUEST_LOG_LIMIT } from './requestLog.js';

export interface EmulatorOptions {
  /** 0 (default) picks an ephemeral port. */
  port?: number;
  /** State file: loaded on start when it exists, saved (atomically, debounced) on change and on close. */
  dataFile?: string;
  /** Populate demo data (only when the data file did not already hold state). */
  seedDemo?: boolean;
  /** Reject details larger than this many bytes of UTF-8 JSON (off by default). */
  detailsLimitBytes?: number;
  /** How long an undescribed file stays "closing" after /file-xxxx/close (default 200 ms). */
  fileClosingMs?: number;
  /** One line per request: method, route, status, milliseconds. Never tokens or bodies. */
  log?: (line: string) => void;
  /** How many of the most recent requests admin.requestLog() keeps (default DEFAULT_REQUEST_LOG_LIMIT). */
  requestLogLimit?: number;
}

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
  admin: EmulatorAdmin;
  /** Random per run; POST /_emulator/* must send it in the X-Emulator-Admin header. */
  adminSecret: string;
  /** The demo login and project IDs when demo data is present. */
  demo?: DemoInfo;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = new EmulatorState();
  state.detailsLimitBytes = options.detailsLimitBytes;
  if (options.fileClosingMs !== undefined) state.fileClosingMs = options.fileClosingMs;
  const loaded = options.dataFile !== undefined && loadStateFile(state, options.dataFile);
  const saver = options.dataFile === undefined
    ? undefined
    : new DebouncedSaver(state, options.dataFile, (error) => (options.log ?? console.error)(`could not save emulator state: ${error.message}`));
  if (options.seedDemo && !loaded) {
    seedDemo(state);
    saver?.markDirty();
  }
  const faults = new FaultQueue();
  const requests = new RequestLog(options.requestLogLimit);
  const adminSecret = newAdminSecret();
  const onMutation = (): void => saver?.markDirty();
  const admin = createAdmin(state, faults, requests, onMutation);
  const server: Server = createServer(
    createRequestHandler({
      state,
      faults,
      log: options.log,
      requests,
      adminSecret,
      onMutation,
      admin: (path, input) => handleAdminRequest(admin, path, input),
    }),
  );
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    admin,
    adminSecret,
    demo: demoInfo(state),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => saver?.flush());
      return closing;
    },
  };
}
