// A transparent HTTP relay in front of the emulator that keeps the exact bytes and headers of every
// request, so tests can check what went over the wire (retries byte-identical, headers right).
// A connection the emulator drops is dropped towards the client too.
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  route: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export async function startRecordingProxy(targetUrl: string): Promise<{ url: string; seen: SeenRequest[]; close(): Promise<void> }> {
  const target = new URL(targetUrl);
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ route: req.url ?? '', headers: req.headers, body });
      const upstream = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('error', () => req.socket.destroy());
        },
      );
      upstream.on('error', () => req.socket.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
