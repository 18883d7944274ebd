/**
 * Reusable chunk buffers: the sender reads every chunk into one of these instead of allocating
 * a fresh multi-MiB buffer per chunk (which would churn external memory and the GC).
 */
export class BufferPool {
  private readonly free: Buffer[] = [];

  constructor(
    readonly bufferBytes: number,
    private readonly maxKept: number,
  ) {}

  acquire(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.bufferBytes);
  }

  release(buffer: Buffer): void {
    if (buffer.length === this.bufferBytes && this.free.length < this.maxKept) this.free.push(buffer);
  }
}
