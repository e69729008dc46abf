import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  INPUT_NAMES,
  InputError,
  parseInputs,
  type RawInputs
} from '../../src/action/inputs/inputs.js'
import { parseWorkflowInputs } from '../../src/action/inputs/workflow-inputs.js'
import { boundJson } from '../../src/output/json-bounds.js'
import { isSafeRunId } from '../../src/platform/endpoints.js'
import { parseRunSnapshot } from '../../src/platform/run-object.js'
import { interpretEventData, readEventStream } from '../../src/platform/stream-events.js'
import { parseDurationSeconds } from '../../src/util/duration.js'

// Whatever a careless user or a hostile server gives, the readers answer with a value or a
// validation error, never with anything else thrown.

let workspace: string
beforeAll(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'properties-'))
})
afterAll(async () => {
  await fs.rm(workspace, { recursive: true, force: true })
})

/** Text as users and servers write it: any string, JSON, YAML-looking lines, durations. */
const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.json({ maxDepth: 3 }),
  fc.constantFrom('600', '1.5', '90s', '1h30m', '0', '-1', 'true', 'false', '~', '- a', 'a: b'),
  fc
    .array(fc.constantFrom('- ', 'name: ', 'value: ', ': ', '\n', '  ', '{', '}', '[', ']', '"'))
    .map(parts => parts.join(''))
)

describe('properties', () => {
  it('parseInputs gives settings or one InputError', async () => {
    const raw = fc.record(
      Object.fromEntries(INPUT_NAMES.map(name => [name, fc.option(text, { nil: undefined })])),
      { requiredKeys: [] }
    )
    await fc.assert(
      fc.asyncProperty(raw, async given => {
        const inputs = Object.fromEntries(
          INPUT_NAMES.map(name => [name, (given as Record<string, string | undefined>)[name]])
        ) as RawInputs
        try {
          const settings = await parseInputs(inputs, workspace)
          expect(settings.timeoutMs).toBeGreaterThanOrEqual(1000)
          expect(settings.pollIntervalMs).toBeGreaterThanOrEqual(200)
        } catch (error) {
          expect(error).toBeInstanceOf(InputError)
          expect((error as InputError).problems.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('parseWorkflowInputs gives entries or problems', () => {
    fc.assert(
      fc.property(text, given => {
        const { specs, problems } = parseWorkflowInputs(given)
        for (const spec of specs) expect(spec.name.trim()).not.toBe('')
        expect(Array.isArray(problems)).toBe(true)
      }),
      { numRuns: 1000 }
    )
  })

  it('parseDurationSeconds gives a finite, non-negative number or undefined', () => {
    fc.assert(
      fc.property(text, given => {
        const seconds = parseDurationSeconds(given)
        if (seconds !== undefined) {
          expect(Number.isFinite(seconds)).toBe(true)
          expect(seconds).toBeGreaterThanOrEqual(0)
        }
      }),
      { numRuns: 1000 }
    )
  })

  it('parseRunSnapshot reads any JSON value as a run or not at all', () => {
    const runLike = fc.record(
      {
        run_id: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constantFrom('.', '..')),
        id: fc.jsonValue(),
        status: fc.oneof(fc.string(), fc.constantFrom('COMPLETED', 'in_progress', 'canceled')),
        output: fc.jsonValue(),
        error: fc.jsonValue(),
        detail: fc.jsonValue()
      },
      { requiredKeys: [] }
    )
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), runLike, fc.record({ data: runLike })), body => {
        const snapshot = parseRunSnapshot(body)
        if (snapshot === undefined) return
        if (snapshot.runId !== undefined) expect(typeof snapshot.runId).toBe('string')
        if (snapshot.output !== undefined) expect(typeof snapshot.output).toBe('string')
        if (snapshot.error !== undefined) expect(typeof snapshot.error).toBe('string')
      }),
      { numRuns: 1000 }
    )
  })

  it('isSafeRunId never lets a run id move the path', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), runId => {
        if (!isSafeRunId(runId)) return
        const url = new URL(`https://h/base/runs/${encodeURIComponent(runId)}/cancel`)
        expect(url.pathname.startsWith('/base/runs/')).toBe(true)
        expect(url.pathname.endsWith('/cancel')).toBe(true)
        expect(url.pathname.split('/')).toHaveLength(5)
      }),
      { numRuns: 2000 }
    )
  })

  it('interpretEventData reads any event data as an update, the end, or nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          fc.jsonValue().map(value => JSON.stringify(value))
        ),
        data => {
          const update = interpretEventData(data)
          expect(update === undefined || update === 'done' || typeof update === 'object').toBe(true)
        }
      ),
      { numRuns: 1000 }
    )
  })

  it('readEventStream reads any bytes, cut anywhere, without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }),
        async chunks => {
          async function* source() {
            for (const chunk of chunks) yield chunk
          }
          const end = await readEventStream(source(), { onUpdate: () => {}, onActivity: () => {} })
          expect(['done', 'ended']).toContain(end)
        }
      ),
      { numRuns: 500 }
    )
  })

  it('boundJson always gives valid JSON, and the whole value when it fits', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 64, max: 4096 }), (value, max) => {
        const { json } = boundJson(value, max, chars => `[${chars} left out]`)
        expect(() => JSON.parse(json) as unknown).not.toThrow()
        if (Buffer.byteLength(JSON.stringify(value) ?? 'null') <= max) {
          expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value) ?? 'null'))
        }
      }),
      { numRuns: 1000 }
    )
  })
})
