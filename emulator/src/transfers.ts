// The emulator's stand-in for the platform's storage URLs: PUT a file part to an upload URL,
// GET (with Range) a closed file from a download URL. The secret in the URL is the authorisation.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors.js';
import { fileBytes } from './fileContent.js';
import { sendError } from './reply.js';
import { downloadTarget, receivePart, TRANSFER_PREFIX } from './routes/files.js';
import type { EmulatorState } from './state.js';

export function isTransferPath(path: string): boolean {
  return path.startsWith(TRANSFER_PREFIX);
}

/** The path as logged: the secret is a credential, so it is never written anywhere. */
export const LOGGED_TRANSFER_PATH = `${TRANSFER_PREFIX}…`;

/** A single `bytes=` range within `size` bytes, or undefined for the whole body; null when unsatisfiable. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | undefined | null {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start > end || start >= size ? null : { start, end };
}

/** Serves one transfer request; returns the HTTP status sent. */
export function serveTransfer(state: EmulatorState, req: IncomingMessage, res: ServerResponse, path: string, body: Buffer, onMutation: () => void): number {
  const [secret, ...name] = path.slice(TRANSFER_PREFIX.length).split('/');
  try {
    if (req.method === 'PUT' && name.length === 0) {
      const md5 = createHash('md5').update(body).digest('hex');
      receivePart(state, secret, body, md5);
      onMutation();
      res.writeHead(200, { ETag: `"${md5}"`, 'Content-Length': 0 }).end();
      return 200;
    }
    if (req.method === 'GET' && name.length === 1) {
      const { object, filename } = downloadTarget(state, secret);
      const bytes = fileBytes(object.file);
      const range = parseRange(req.headers.range, bytes.length);
      const headers = {
        'Content-Type': object.file.media,
        'Accept-Ranges': 'bytes',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      };
      if (range === null) {
        res.writeHead(416, { 'Content-Range': `bytes */${bytes.length}`, 'Content-Length': 0 }).end();
        return 416;
      }
      const chosen = range ? bytes.subarray(range.start, range.end + 1) : bytes;
      const status = range ? 206 : 200;
      res.writeHead(status, {
        ...headers,
        'Content-Length': chosen.length,
        ...(range ? { 'Content-Range': `bytes ${range.start}-${range.end}/${bytes.length}` } : {}),
      });
      res.end(chosen);
      return status;
    }
    return sendError(res, new ApiError('MalformedJSON', 'Upload URLs take PUT and download URLs take GET'));
  } catch (error) {
    return sendError(res, error instanceof ApiError ? error : new ApiError('InternalError', 'Internal error in the emulator'));
  }
}
