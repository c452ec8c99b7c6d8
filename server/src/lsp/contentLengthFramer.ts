// Splits a byte stream into the bodies of LSP's base protocol: header lines ending in \r\n, a blank
// line, then exactly Content-Length bytes. Bytes are kept as they arrive and joined once a body is
// complete, so a body split anywhere (inside a multi-byte character too) is decoded whole. Like
// vscode-jsonrpc's reader, a header block without a usable Content-Length is reported and skipped.

const HEADER_END = Buffer.from('\r\n\r\n');

export interface FramerEvents {
  body(bytes: Buffer): void;
  error(message: string): void;
}

export class ContentLengthFramer {
  private chunks: Buffer[] = [];
  private size = 0;
  /** The length of the body being read, or -1 while reading headers. */
  private bodyLength = -1;

  constructor(private readonly events: FramerEvents) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    for (;;) {
      if (this.bodyLength < 0 && !this.readHeaders()) return;
      if (this.size < this.bodyLength) return;
      const length = this.bodyLength;
      this.bodyLength = -1;
      this.events.body(this.take(length));
    }
  }

  /** Reads one header block if it is complete; whether a body length is now known. */
  private readHeaders(): boolean {
    for (;;) {
      // Headers are short, and a body is consumed as soon as it is complete, so this joins little.
      const pending = this.joined();
      const end = pending.indexOf(HEADER_END);
      if (end < 0) return false;
      const block = this.take(end + HEADER_END.length).toString('ascii', 0, end);
      const length = contentLength(block);
      if (length !== undefined) {
        this.bodyLength = length;
        return true;
      }
      this.events.error(`Header must provide a numeric Content-Length.\n${block}`);
    }
  }

  /** The pending bytes as one buffer. */
  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  /** Removes and returns the first `length` pending bytes (at most `size`). */
  private take(length: number): Buffer {
    const whole = this.chunks.length && this.chunks[0].length >= length ? this.chunks[0] : this.joined();
    this.chunks.shift();
    if (whole.length > length) this.chunks.unshift(whole.subarray(length));
    this.size -= length;
    return whole.subarray(0, length);
  }
}

function contentLength(block: string): number | undefined {
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    return /^\d+$/.test(value) ? Number(value) : undefined;
  }
  return undefined;
}
