// Streams pretty-printed JSON text and can deliberately break it (missing commas, trailing
// commas, bad literals) at the exact spot the corpus generator chooses.

export class JsonWriter {
  private readonly parts: string[] = [];
  private readonly hasItems: boolean[] = [];
  private dropNextComma = false;
  private pendingKey = false;
  bytes = 0;
  nodes = 0;

  private write(text: string): void {
    this.parts.push(text);
    this.bytes += Buffer.byteLength(text, 'utf8');
  }

  private node(): void {
    this.nodes++;
    this.item();
  }

  /** Starts an array element or object member: separator, newline and indentation. */
  private item(): void {
    if (this.pendingKey) {
      this.pendingKey = false;
      return;
    }
    const depth = this.hasItems.length;
    if (depth === 0) return;
    if (this.hasItems[depth - 1] && !this.dropNextComma) this.write(',');
    this.dropNextComma = false;
    this.hasItems[depth - 1] = true;
    this.write('\n' + '  '.repeat(depth));
  }

  private close(bracket: string, trailingComma: boolean): void {
    const hadItems = this.hasItems.pop();
    if (hadItems && trailingComma) this.write(',');
    this.write(hadItems ? '\n' + '  '.repeat(this.hasItems.length) + bracket : bracket);
  }

  beginObject(): void {
    this.node();
    this.write('{');
    this.hasItems.push(false);
  }

  endObject(trailingComma = false): void {
    this.close('}', trailingComma);
  }

  beginArray(): void {
    this.node();
    this.write('[');
    this.hasItems.push(false);
  }

  endArray(trailingComma = false): void {
    this.close(']', trailingComma);
  }

  key(name: string): void {
    this.item();
    this.write(JSON.stringify(name) + ': ');
    this.pendingKey = true;
  }

  value(v: string | number | boolean | null): void {
    this.node();
    this.write(JSON.stringify(v));
  }

  raw(text: string): void {
    this.node();
    this.write(text);
  }

  /** The next member or element is written without its separating comma (a syntax error). */
  omitNextComma(): void {
    this.dropNextComma = true;
  }

  text(): string {
    return this.parts.join('');
  }
}
