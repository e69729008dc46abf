// Reading response bodies: whole, as bytes, or only their start.

/** A body longer than its request allows. */
class BodyTooLarge extends Error {
  readonly code = 'BODY_TOO_LARGE'
  constructor(readonly maxBytes: number) {
    super(`the answer is longer than ${maxBytes} bytes`)
    this.name = 'BodyTooLarge'
  }
}

// A Content-Length is the server's word: it sizes the first buffer only up to this.
const MAX_FIRST_BUFFER_BYTES = 256 * 1024 * 1024
const DEFAULT_FIRST_BUFFER_BYTES = 64 * 1024

/**
 * A body as one buffer, filled in place (sized by the Content-Length when there is one), so a
 * large response is not held as its chunks and as their concatenation at once.
 */
export async function readBytes(
  body: AsyncIterable<Uint8Array>,
  contentLength: string | undefined,
  maxBytes = Number.POSITIVE_INFINITY
): Promise<Buffer> {
  const declared = Number(contentLength)
  const first =
    Number.isSafeInteger(declared) && declared >= 0
      ? Math.min(declared, MAX_FIRST_BUFFER_BYTES, maxBytes)
      : Math.min(DEFAULT_FIRST_BUFFER_BYTES, maxBytes)
  let buffer = Buffer.allocUnsafe(first)
  let size = 0
  for await (const chunk of body) {
    // Leaving the loop destroys the body: a host cannot make the step hold more than this.
    if (size + chunk.length > maxBytes) throw new BodyTooLarge(maxBytes)
    if (size + chunk.length > buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, size + chunk.length))
      buffer.copy(grown, 0, 0, size)
      buffer = grown
    }
    buffer.set(chunk, size)
    size += chunk.length
  }
  return buffer.subarray(0, size)
}

export async function readStart(body: AsyncIterable<Uint8Array>, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    chunks.push(Buffer.from(chunk))
    size += chunk.length
    if (size >= limit) break // leaving the loop destroys the body
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8')
}
