// CLI: npm run emulator -- --port N [--data FILE] [--seed-demo] [--details-limit BYTES] [--request-log-limit N] [--quiet]
import { startEmulator, type EmulatorOptions } from './index.js';

function parseArgs(argv: string[]): EmulatorOptions & { quiet: boolean } {
  const options: EmulatorOptions & { quiet: boolean } = { quiet: false };
  const value = (i: number, flag: string): string => {
    if (argv[i + 1] === undefined) throw new Error(`${flag} needs a value`);
    return argv[i + 1];
  };
  const integer = (text: string, flag: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a non-negative integer, got "${text}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') options.port = integer(value(i++, arg), arg);
    else if (arg === '--data') options.dataFile = value(i++, arg);
    else if (arg === '--seed-demo') options.seedDemo = true;
    else if (arg === '--details-limit') options.detailsLimitBytes = integer(value(i++, arg), arg);
    else if (arg === '--request-log-limit') options.requestLogLimit = integer(value(i++, arg), arg);
    else if (arg === '--quiet') options.quiet = true;
    else throw new Error(`Unknown option "${arg}". Usage: emulator --port N [--data FILE] [--seed-demo] [--details-limit BYTES] [--request-log-limit N] [--quiet]`);
  }
  return options;
}

async function main(): Promise<void> {
  const { quiet, ...options } = parseArgs(process.argv.slice(2));
  const emulator = await startEmulator({ ...options, log: quiet ? undefined : (line) => console.log(line) });
  console.log(`DNAnexus emulator listening on ${emulator.url}`);
  if (options.seedDemo && emulator.demo) {
    console.log(`Demo token: ${emulator.demo.token}`);
    for (const p of emulator.demo.projects) console.log(`Demo project: ${p.id} "${p.name}" (${p.level})`);
  }
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Failed to save state: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(2);
});
