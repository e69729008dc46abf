import { promises as fs } from 'node:fs'
import path from 'node:path'
import { getErrorMessage } from '../util/errors.js'
import { safeCut } from './bounds.js'
import type { Redactor } from './redactor.js'

export interface OutputSummary {
  /** The whole output, redacted; undefined when the file could not be written. */
  file: string | undefined
  /** Why the file could not be written, when it could not. */
  fileError: string | undefined
  /** The start of the output, a little over `headBytes` at most: what outputs and the summary show. */
  head: string
  totalBytes: number
}

/** A text too long to hold whole, given in pieces (which never split a character). */
export interface TextPieces {
  pieces(): Iterable<string>
}

// Small appends (a streamed token each) are gathered into writes of about this size.
const WRITE_BATCH_BYTES = 64 * 1024
// A large append is redacted and written this many characters at a time.
const SLICE_CHARS = 256 * 1024

/** Where the full output goes when `output-file` is not set: one file per run id. */
export function defaultOutputFile(folder: string, runId: string | undefined): string {
  const safeId = (runId ?? 'unknown').replace(/[^A-Za-z0-9._-]/g, '_')
  return path.join(folder, `ai-planet-run-${safeId}.txt`)
}

/**
 * The run's output on its way to `output-file`, in both modes: written as it arrives, with the
 * API key removed even when it is split across pieces, while memory holds only the first
 * `headBytes`. A file that cannot be written does not stop the run: the sink keeps the head,
 * stops writing, and says why when it is closed.
 */
export class OutputSink {
  private file: string | undefined
  private handle: fs.FileHandle | undefined
  private fileError: string | undefined
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

  async append(text: string | TextPieces): Promise<void> {
    if (typeof text !== 'string') {
      for (const piece of text.pieces()) await this.append(piece)
      this.touched = true
      return
    }
    this.touched = true
    // A whole output read by polling arrives in one piece: it is taken in slices, so that
    // redaction and writing never copy all of it at once.
    let start = 0
    do {
      const end = safeCut(text, Math.min(text.length, start + SLICE_CHARS))
      await this.appendSlice(text.slice(start, end))
      start = end
    } while (start < text.length)
  }

  private async appendSlice(text: string): Promise<void> {
    // Complete secrets are replaced first; what is kept back can only be a secret's beginning.
    const redacted = this.redactor.redact(this.pending + text)
    const cut = safeCut(redacted, Math.max(0, redacted.length - this.holdBack))
    this.pending = redacted.slice(cut)
    await this.emit(redacted.slice(0, cut))
  }

  /** Replaces everything written so far (a final output, or the run as read by id). */
  async replace(text: string | TextPieces): Promise<void> {
    this.pending = ''
    this.batch = []
    this.batchBytes = 0
    this.head = ''
    this.headLength = 0
    this.headFull = false
    this.totalBytes = 0
    this.position = 0
    if (this.handle) await this.guard(handle => handle.truncate(0))
    await this.append(text)
  }

  /** Flushes and closes the file; undefined when there never was any output. */
  async close(): Promise<OutputSummary | undefined> {
    if (!this.touched) return undefined
    await this.emit(this.redactor.redact(this.pending))
    this.pending = ''
    await this.writeBatch()
    await this.guard(async handle => {
      this.handle = undefined
      await handle.close()
    })
    return {
      file: this.fileError === undefined ? this.file : undefined,
      fileError: this.fileError,
      head: this.head,
      totalBytes: this.totalBytes
    }
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
    if (this.fileError !== undefined) return
    this.batch.push(text)
    this.batchBytes += bytes
    if (this.batchBytes >= WRITE_BATCH_BYTES) await this.writeBatch()
  }

  private async writeBatch(): Promise<void> {
    if (this.batch.length === 0) return
    const data = Buffer.from(this.batch.join(''))
    this.batch = []
    this.batchBytes = 0
    await this.guard(async handle => {
      await handle.write(data, 0, data.length, this.position)
      this.position += data.length
    })
  }

  /** Runs a file operation on the open file; the first failure ends all writing. */
  private async guard(operation: (handle: fs.FileHandle) => Promise<void>): Promise<void> {
    if (this.fileError !== undefined) return
    try {
      if (this.handle === undefined && this.file === undefined) {
        const file = this.chooseFile()
        this.file = file
        await fs.mkdir(path.dirname(file), { recursive: true })
        this.handle = await fs.open(file, 'w')
      }
      if (this.handle) await operation(this.handle)
    } catch (error) {
      this.fileError = `${this.file ?? 'the output file'}: ${getErrorMessage(error)}`
      this.batch = []
      await this.handle?.close().catch(() => undefined)
      this.handle = undefined
    }
  }
}
