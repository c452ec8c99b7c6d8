// The /file-xxxx/ methods beyond those every data object has: upload, download, and closing a file.
import { randomBytes } from 'node:crypto';
import { ApiError, entityNotFound, invalidInput, invalidState } from '../errors.js';
import { containerIdAt, expectedKey, expectInputObject, optBool, optString } from '../input.js';
import { fileBytes } from '../fileContent.js';
import { requireLevel, type DataObject, type EmulatorState, type FileContent, type TransferGrant } from '../state.js';
import { write, read, type CallContext, type RouteDef } from './context.js';

/** Where transfer URLs point: a path on the emulator's own HTTP server. */
export const TRANSFER_PREFIX = '/_transfer/';
const UPLOAD_URL_MS = 15 * 60 * 1000;
const DEFAULT_DOWNLOAD_S = 24 * 60 * 60;
const MAX_PART_INDEX = 10_000;

function routeFile(ctx: CallContext): DataObject & { file: FileContent } {
  const object = ctx.state.objects.get(ctx.entity);
  if (!object?.file) throw entityNotFound(ctx.entity);
  return object as DataObject & { file: FileContent };
}

/** Registers a transfer under a fresh secret, dropping expired ones. */
function grantSecret(state: EmulatorState, grant: TransferGrant): string {
  const now = Date.now();
  for (const [secret, g] of state.transfers) if (g.expires < now) state.transfers.delete(secret);
  const secret = randomBytes(18).toString('base64url');
  state.transfers.set(secret, grant);
  return secret;
}

function origin(ctx: CallContext): string {
  if (ctx.origin === undefined) throw new ApiError('InternalError', 'Transfer URLs can only be handed out over HTTP');
  return ctx.origin;
}

/** Announces part `index` (default 1) of an open file and hands out the URL its bytes are PUT to. */
function upload(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const index = obj.index ?? 1;
  if (!Number.isInteger(index) || (index as number) < 1 || (index as number) > MAX_PART_INDEX) {
    throw expectedKey('index', `an integer from 1 to ${MAX_PART_INDEX}`);
  }
  const size = obj.size;
  if (size !== undefined && !(Number.isInteger(size) && (size as number) >= 0)) throw expectedKey('size', 'a non-negative integer');
  const md5 = optString(obj, 'md5');
  if (md5 !== undefined && !/^[0-9a-f]{32}$/.test(md5)) throw expectedKey('md5', 'a hexadecimal MD5 digest');
  const file = routeFile(ctx);
  requireLevel(ctx.state.bestLevelOn(ctx.user.id, file), 'UPLOAD', [...file.copies.keys()].sort()[0]);
  if (file.state !== 'open') throw invalidState(`The file "${file.id}" is not in the "open" state`);
  const expires = Date.now() + UPLOAD_URL_MS;
  file.file.parts[String(index)] = { size: (size as number | undefined) ?? -1, md5: md5 ?? '', state: 'pending' };
  const secret = grantSecret(ctx.state, { kind: 'upload', fileId: file.id, index: index as number, expires });
  const headers: Record<string, string> = {};
  if (size !== undefined) headers['content-length'] = String(size);
  if (md5 !== undefined) headers['content-md5'] = Buffer.from(md5, 'hex').toString('base64');
  return { url: `${origin(ctx)}${TRANSFER_PREFIX}${secret}`, expires, headers };
}

/** A URL serving a closed file's bytes (with Range support), for a caller who can view it. */
function download(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const hint = containerIdAt(obj, 'project', false);
  const duration = obj.duration ?? DEFAULT_DOWNLOAD_S;
  if (!Number.isInteger(duration) || (duration as number) <= 0) throw expectedKey('duration', 'a positive integer');
  // Every emulator URL carries its own authorisation, so `preauthenticated` only needs to be well-typed.
  optBool(obj, 'preauthenticated');
  const filename = optString(obj, 'filename');
  const file = routeFile(ctx);
  const [, copy] = ctx.state.visibleCopy(ctx.user.id, file, hint);
  if (file.state !== 'closed') throw invalidState(`The file "${file.id}" is not in the "closed" state`);
  const expires = Date.now() + (duration as number) * 1000;
  const name = filename ?? copy.name;
  const secret = grantSecret(ctx.state, { kind: 'download', fileId: file.id, filename: name, expires });
  return { url: `${origin(ctx)}${TRANSFER_PREFIX}${secret}/${encodeURIComponent(name)}`, expires, headers: {} };
}

/** The media type the platform would detect when none was given: gzip, text, or opaque bytes. */
function detectMedia(bytes: Buffer): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'application/x-gzip';
  const text = bytes.toString('utf8');
  return bytes.length > 0 && !text.includes('\uFFFD') && !/[\x00-\x08\x0E-\x1F]/.test(text) ? 'text/plain' : 'application/octet-stream';
}

/**
 * /file-xxxx/close: every announced part must have arrived, and at least one must exist. The file
 * is then "closing" until it is next described (finishClosing) or `fileClosingMs` has passed.
 */
export function startClosing(state: EmulatorState, object: DataObject): 'closing' {
  const file = object.file as FileContent;
  const parts = Object.values(file.parts);
  if (parts.length === 0) throw invalidState(`The file "${object.id}" has no parts to close`);
  if (parts.some((p) => p.state !== 'complete')) throw invalidState(`Some parts of the file "${object.id}" have not finished uploading`);
  if (file.media === '') file.media = detectMedia(fileBytes(file));
  state.closingUntil.set(object.id, Date.now() + state.fileClosingMs);
  return 'closing';
}

/**
 * The describe that first sees a file closing reports "closing" and then lets it close: a client
 * polling describe (dxpy's wait_on_close) sees both states in order.
 */
export function finishClosing(state: EmulatorState, object: DataObject): void {
  if (object.state !== 'closing') return;
  object.state = 'closed';
  state.closingUntil.delete(object.id);
}

/** Stores a part's bytes for an upload URL; the size and MD5 announced for it must match. */
export function receivePart(state: EmulatorState, secret: string, body: Buffer, md5: string): void {
  const grant = state.transfers.get(secret);
  if (!grant || grant.kind !== 'upload' || grant.expires < Date.now()) throw new ApiError('PermissionDenied', 'The upload URL is unknown or has expired');
  const object = state.objects.get(grant.fileId);
  const part = object?.file?.parts[String(grant.index)];
  if (!object || !part || object.state !== 'open') throw invalidState('The file is no longer open for upload');
  if (part.size >= 0 && part.size !== body.length) throw invalidInput(`The part is ${body.length} bytes, but ${part.size} were announced`);
  if (part.md5 !== '' && part.md5 !== md5) throw invalidInput('The part does not match the MD5 digest announced for it');
  Object.assign(part, { size: body.length, md5, state: 'complete', data: body.toString('base64') });
  state.transfers.delete(secret);
}

/** The file a download URL serves. */
export function downloadTarget(state: EmulatorState, secret: string): { object: DataObject & { file: FileContent }; filename: string } {
  const grant = state.transfers.get(secret);
  if (!grant || grant.kind !== 'download' || grant.expires < Date.now()) throw new ApiError('PermissionDenied', 'The download URL is unknown or has expired');
  const object = state.objects.get(grant.fileId);
  if (!object?.file || object.state !== 'closed') throw entityNotFound(grant.fileId);
  return { object: object as DataObject & { file: FileContent }, filename: grant.filename };
}

export const fileRoutes: Record<string, RouteDef> = {
  upload: write(upload),
  download: read(download),
};
