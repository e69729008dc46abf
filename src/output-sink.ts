import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Redactor } from './redact.js'

export interface OutputSummary {
  file: string
  /** The start of the output, a little over `headBytes` at most: what outputs and the summary show. */
  head: string
  totalBytes: number
}

// Small appends (a streamed token each) are gathered into writes of about this size.
const WRITE_BATCH_BYTES = 64 * 1024

/**
 * The run's output on its way to `output-file`: written as it arrives, with the API key
 * removed even when it is split across pieces, while memory holds only the first `headBytes`.
 */
export class OutputSink {
  private file: string | undefined
  private handle: fs.FileHandle | undefined
  private position = 0
  private pending = ''
  private batch: string[] = []
  private batchBytes = 0
  private head = ''
  private headLength = 0
  private headFull = false
  private totalBytes = 0
  private touched = false
  private readonly holdBack: number

  constructor(
    /** Called once, at the first write, so that the default path can use the run id. */
    private readonly chooseFile: () => string,
    private readonly redactor: Redactor,
    private readonly headBytes: number
  ) {
    this.holdBack = Math.max(0, redactor.longestSecretLength - 1)
  }

  get hasOutput(): boolean {
    return this.touched
  }

  async append(text: string): Promise<void> {
    this.touched = true
    // Complete secrets are replaced first; what is kept back can only be a secret's beginning.
    const redacted = this.redactor.redact(this.pending + text)
    let cut = Math.max(0, redacted.length - this.holdBack)
    if (cut > 0 && cut < redacted.length && isLowSurrogate(redacted.charCodeAt(cut))) cut--
    this.pending = redacted.slice(cut)
    await this.emit(redacted.slice(0, cut))
  }

  /** Replaces everything written so far (a final output, or the run as read after a fallback). */
  async replace(text: string): Promise<void> {
    this.pending = ''
    this.batch = []
    this.batchBytes = 0
    this.head = ''
    this.headLength = 0
    this.headFull = false
    this.totalBytes = 0
    this.position = 0
    if (this.handle) await this.handle.truncate(0)
    await this.append(text)
  }

  /** Flushes and closes the file; undefined when there never was any output. */
  async close(): Promise<OutputSummary | undefined> {
    if (!this.touched) return undefined
    await this.emit(this.redactor.redact(this.pending))
    this.pending = ''
    await this.writeBatch()
    const file = await this.open()
    await this.handle?.close()
    this.handle = undefined
    return { file, head: this.head, totalBytes: this.totalBytes }
  }

  private async emit(text: string): Promise<void> {
    if (text === '') return
    const bytes = Buffer.byteLength(text)
    this.totalBytes += bytes
    if (!this.headFull) {
      this.head += text
      this.headLength += bytes
      if (this.headLength > this.headBytes) {
        this.headFull = true
        // Kept just over the limit, so that the reader still sees that the output is longer;
        // a character cut here lies beyond the limit and is cut off again when bounded.
        if (this.headLength > this.headBytes + 4) {
          this.head = Buffer.from(this.head)
            .subarray(0, this.headBytes + 4)
            .toString('utf8')
        }
      }
    }
    this.batch.push(text)
    this.batchBytes += bytes
    if (this.batchBytes >= WRITE_BATCH_BYTES) await this.writeBatch()
  }

  private async writeBatch(): Promise<void> {
    if (this.batch.length === 0) return
    const data = Buffer.from(this.batch.join(''))
    this.batch = []
    this.batchBytes = 0
    await this.open()
    await this.handle!.write(data, 0, data.length, this.position)
    this.position += data.length
  }

  private async open(): Promise<string> {
    if (this.file === undefined) {
      const file = this.chooseFile()
      await fs.mkdir(path.dirname(file), { recursive: true })
      this.handle = await fs.open(file, 'w')
      this.file = file
    }
    return this.file
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
