// How the emulator answers with JSON, and with an API error (its status and the headers it carries).
import type { ServerResponse } from 'node:http';
import { jsonText } from '../../common/jsonText.js';
import type { ApiError } from './errors.js';

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = jsonText(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Returns the status sent. */
export function sendError(res: ServerResponse, error: ApiError): number {
  send(res, error.status, error.toBody(), error.headers);
  return error.status;
}
