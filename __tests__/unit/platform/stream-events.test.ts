import { describe, expect, it } from '@jest/globals'
import {
  interpretEventData,
  readEventStream,
  type StreamEnd,
  type StreamUpdate
} from '../../../src/platform/stream-events.js'

/** A recorded stream, written with LF; other line endings are derived from it. */
function recording(lineEnding: string): string {
  const lines = [
    ': connected',
    '',
    'event: run',
    'data: {"run_id": "run_42", "thread_id": "thr_7", "status": "queued"}',
    '',
    'data: {"status": "in_progress"}',
    '',
    ': ping',
    '',
    'event: delta',
    'data: {"delta": "Grüße aus "}',
    '',
    'data: {"delta": "東京 🚀\\n"}',
    '',
    // one event's JSON spread over several data lines (joined with \n by the parser)
    'data: {"content":',
    'data:  "second line"}',
    '',
    'event: unknown-kind',
    'data: {"something": "else", "nested": {"delta": 1}}',
    '',
    'data: not json at all',
    '',
    'data: {"status": "SUCCEEDED", "output": {"answer": "Grüße aus 東京 🚀\\nsecond line"}}',
    '',
    'data: [DONE]',
    '',
    'data: {"delta": "after done, ignored"}',
    '',
    ''
  ]
  return lines.join(lineEnding)
}

interface Collected {
  end: StreamEnd
  updates: StreamUpdate[]
  activity: number
}

async function collect(chunks: Uint8Array[]): Promise<Collected> {
  const updates: StreamUpdate[] = []
  let activity = 0
  async function* source(): AsyncGenerator<Uint8Array> {
    for (const chunk of chunks) yield chunk
  }
  const end = await readEventStream(source(), {
    onUpdate: update => {
      // The reader may hand on the pieces of one network chunk as one: only the text counts.
      const last = updates.at(-1)
      if (isPiece(update) && last !== undefined && isPiece(last)) last.piece += update.piece
      else updates.push({ ...update })
    },
    onActivity: () => activity++
  })
  return { end, updates, activity }
}

function isPiece(update: StreamUpdate): update is { piece: string } {
  return update.piece !== undefined && Object.keys(update).length === 1
}

const EXPECTED: StreamUpdate[] = [
  { runId: 'run_42', threadId: 'thr_7', status: 'pending', rawStatus: 'queued' },
  { status: 'running', rawStatus: 'in_progress' },
  { piece: 'Grüße aus 東京 🚀\nsecond line' },
  {},
  {
    status: 'completed',
    rawStatus: 'SUCCEEDED',
    output: 'Grüße aus 東京 🚀\nsecond line',
    // The recorded stream's final output is one {name, value} entry: its one named value.
    named: { answer: 'Grüße aus 東京 🚀\nsecond line' }
  }
]

describe('readEventStream', () => {
  for (const [name, lineEnding] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r']
  ] as const) {
    it(`reads a recorded ${name} stream identically when cut in two at every byte offset`, async () => {
      const bytes = Buffer.from(recording(lineEnding), 'utf8')
      const whole = await collect([bytes])
      expect(whole.end).toBe('done')
      expect(whole.updates).toEqual(EXPECTED)
      for (let offset = 0; offset <= bytes.length; offset++) {
        const cut = await collect([bytes.subarray(0, offset), bytes.subarray(offset)])
        expect({ offset, ...cut, activity: 0 }).toEqual({ offset, ...whole, activity: 0 })
      }
    })
  }

  it('hands on the pieces of one chunk as one update, in order, other events between them kept', async () => {
    const events = [
      '{"delta":"a"}',
      '{"delta":"b"}',
      '{"status":"running"}',
      '{"delta":"c"}',
      '{"delta":"d"}'
    ]
    const updates: StreamUpdate[] = []
    async function* source(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(events.map(data => `data: ${data}\n\n`).join(''))
    }
    await readEventStream(source(), { onUpdate: u => void updates.push(u), onActivity: () => {} })
    expect(updates).toEqual([
      { piece: 'ab' },
      { status: 'running', rawStatus: 'running' },
      { piece: 'cd' }
    ])
  })

  it('reads a stream delivered one byte per chunk', async () => {
    const bytes = Buffer.from(recording('\r\n'), 'utf8')
    const chunks = [...bytes].map(byte => Uint8Array.of(byte))
    const result = await collect(chunks)
    expect(result.updates).toEqual(EXPECTED)
    // Reading stops at the blank line that ends [DONE]; what follows is never read.
    const end = bytes.indexOf('data: [DONE]') + 'data: [DONE]\r\n\r\n'.length
    expect(result.activity).toBe(end)
  })

  it('keeps a multi-byte character split across chunks whole', async () => {
    const bytes = Buffer.from('data: {"delta": "😀"}\n\n', 'utf8')
    const emoji = bytes.indexOf(0xf0)
    for (const cut of [emoji + 1, emoji + 2, emoji + 3]) {
      const result = await collect([bytes.subarray(0, cut), bytes.subarray(cut)])
      expect(result.updates).toEqual([{ piece: '😀' }])
    }
  })

  it('flushes the last event of a stream that ends in a lone CR', async () => {
    // The final CR could still be the start of a CRLF until the stream ends.
    const result = await collect([Buffer.from('data: {"delta": "x"}\r\rdata: [DONE]\r\r')])
    expect(result.updates).toEqual([{ piece: 'x' }])
    expect(result.end).toBe('done')
  })

  it("says 'ended' for a stream that stops without [DONE]", async () => {
    const result = await collect([Buffer.from('data: {"run_id": "r1"}\n\ndata: {"delta": "par')])
    expect(result.end).toBe('ended')
    expect(result.updates).toEqual([{ runId: 'r1' }])
  })

  it('counts comments and heartbeats as activity without producing updates', async () => {
    const result = await collect([Buffer.from(': ping\n\n'), Buffer.from(': ping\n\n')])
    expect(result.updates).toEqual([])
    expect(result.activity).toBe(2)
  })

  it('propagates a broken stream as an error', async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('data: {"run_id": "r1"}\n\n')
      throw new Error('other side closed')
    }
    const updates: StreamUpdate[] = []
    await expect(
      readEventStream(broken(), {
        onUpdate: u => void updates.push(u),
        onActivity: () => {}
      })
    ).rejects.toThrow('other side closed')
    expect(updates).toEqual([{ runId: 'r1' }])
  })
})

describe('interpretEventData', () => {
  it.each([
    ['{"id": 12, "status": "running"}', { runId: '12', status: 'running', rawStatus: 'running' }],
    ['{"execution_id": "e1"}', { runId: 'e1' }],
    ['{"token": "a"}', { piece: 'a' }],
    ['{"text": "b"}', { piece: 'b' }],
    ['{"output": [{"name": "answer", "value": "v"}]}', { output: 'v', named: { answer: 'v' } }],
    [
      '{"output": {"summary": "s", "notes": ["a"]}, "usage": {"prompt_tokens": 3, "completion_tokens": "4"}, "cost": 0.5}',
      {
        output: '{\n  "summary": "s",\n  "notes": [\n    "a"\n  ]\n}',
        named: { summary: 's', notes: '[\n  "a"\n]' },
        usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7, cost: 0.5 }
      }
    ],
    [
      '{"status": "failed", "error": {"message": "quota"}}',
      { status: 'failed', rawStatus: 'failed', error: 'quota' }
    ],
    ['{"error": "boom"}', { error: 'boom' }],
    [
      '{"status": "running", "message": "calling the model"}',
      { status: 'running', rawStatus: 'running' }
    ],
    ['{"status": "mystery"}', { rawStatus: 'mystery' }],
    ['{"delta": 5}', {}]
  ])('reads %s', (data, expected) => {
    expect(interpretEventData(data)).toEqual(expected)
  })

  it.each(['[DONE]', ' [DONE] '])('recognises %j as the end', data => {
    expect(interpretEventData(data)).toBe('done')
  })

  it.each(['', 'plain text', '[1, 2]', '"string"', 'null'])('ignores %j', data => {
    expect(interpretEventData(data)).toBeUndefined()
  })
})
