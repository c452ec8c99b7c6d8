// Who may talk to the emulator: it listens on 127.0.0.1, and only requests addressed to a loopback
// name are served, so a web page that rebinds its own host name to 127.0.0.1 (DNS rebinding)
// cannot reach it through the user's browser.

export const isLoopbackAddress = (address: string | undefined): boolean =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

/** Whether a Host header names this machine's loopback interface (with or without a port). */
export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}
