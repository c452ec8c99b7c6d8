/** An API error as the platform reports it: {"error": {"type", "message", "details"?}}. */
export class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly details?: unknown,
    /** Response headers the error carries, e.g. Retry-After on ServiceUnavailable. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  get status(): number {
    return statusForType(this.type);
  }

  toBody(): { error: { type: string; message: string; details?: unknown } } {
    const error: { type: string; message: string; details?: unknown } = { type: this.type, message: this.message };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

// HTTP status per error type, docs/platform-notes.md#error-types (PermissionDenied is 401, not 403).
const STATUS_BY_TYPE: Record<string, number> = {
  MalformedJSON: 400,
  InvalidAuthentication: 401,
  PermissionDenied: 401,
  SpendingLimitExceeded: 403,
  OrgExpired: 403,
  ResourceNotFound: 404,
  InvalidInput: 422,
  InvalidState: 422,
  InvalidType: 422,
  RateLimitConditional: 429,
  InternalError: 500,
  ServiceUnavailable: 503,
};

function statusForType(type: string): number {
  return STATUS_BY_TYPE[type] ?? 500;
}

/** The error type a bare injected status most plausibly carries. */
export function typeForStatus(status: number): string {
  const found = Object.entries(STATUS_BY_TYPE).find(([, s]) => s === status);
  return found ? found[0] : status >= 500 ? 'InternalError' : 'InvalidInput';
}

export const invalidInput = (message: string): ApiError => new ApiError('InvalidInput', message);
export const invalidState = (message: string): ApiError => new ApiError('InvalidState', message);
export const permissionDenied = (message: string): ApiError => new ApiError('PermissionDenied', message);
export const notFound = (message: string): ApiError => new ApiError('ResourceNotFound', message);
export const entityNotFound = (id: string): ApiError => notFound(`The entity "${id}" could not be found`);
export const entityNotInContainer = (id: string, containerId: string): ApiError =>
  notFound(`The entity "${id}" could not be found in ${containerId}`);
