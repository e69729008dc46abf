import { describe, expect, it } from '@jest/globals'
import { runInProcess } from '../helpers/in-process.js'
import { KEY, useSimulator } from '../helpers/platform.js'

// A careless user: each malformed value is refused before any request, by a message that names
// the input and says what it accepts.

const sim = useSimulator()

const valid = (): Record<string, string> => ({
  'api-key': KEY,
  'base-url': sim.url,
  'workflow-id': 'wf-1',
  inputs: 'question: hi'
})

const TABLE: Array<[input: string, value: string, says: RegExp]> = [
  ['api-key', '', /is required/],
  ['api-key', 'sk-x12', /too short for an API key/],
  ['api-key', 'sk key with spaces', /one word with no spaces/],
  ['api-key', 'sk-clé-0123456789', /visible ASCII characters only/],
  ['api-key', 'sk-\u0007bell-0123456789', /no spaces or control characters/],
  ['api-key', 'sk-emoji-😀-0123456789', /visible ASCII characters only/],
  ['base-url', '', /is required/],
  ['base-url', 'api.example.com', /absolute URL such as https:\/\/api\.example\.com/],
  ['base-url', 'ftp://api.example.com', /must use https:\/\//],
  ['base-url', 'http://api.example.com', /http:\/\/ to a host that is not loopback/],
  [
    'base-url',
    'https://api.example.com/?',
    /must not have a query string or fragment \(no \? or #\)/
  ],
  ['base-url', 'https://api.example.com/#', /must not have a query string or fragment/],
  ['base-url', 'https://api.example.com/?x=1', /must not have a query string or fragment/],
  ['base-url', 'https://user:hunter2@api.example.com', /must not carry a user name or password/],
  ['base-url', 'https://user:hunter2@exa mple.com', /absolute URL such as/],
  ['workflow-id', '', /is required/],
  ['workflow-id', 'two words', /one word with no spaces/],
  ['workflow-id', 'wf\nnext', /one word/],
  ['inputs', '[unclosed', /neither JSON nor YAML.*expected a JSON or YAML list/],
  ['inputs', '"just a string"', /not a single string/],
  ['inputs', '42', /not a single number/],
  ['inputs', '[{"type": "text", "value": "x"}]', /needs a non-empty `name`/],
  ['inputs', '[{"name": "q", "type": "video", "value": "x"}]', /must be one of text, file, image/],
  ['inputs', '[{"name": "q"}]', /needs a `value`/],
  ['inputs', '[{"name": "q", "value": "x", "extra": 1}]', /unknown field\(s\) `extra`/],
  ['inputs', '[{"name": "q", "value": 1}, {"name": "q", "value": 2}]', /given more than once/],
  [
    'inputs',
    '[{"name": "q", "path": "a.txt"}]',
    /entry 'q': cannot read 'a\.txt' \(no such file\)/
  ],
  ['inputs', '[{"name": "f", "type": "file", "path": "../etc/passwd"}]', /outside the workspace/],
  ['inputs', '[{"name": "f", "type": "file", "path": "missing.txt"}]', /no such file/],
  ['inputs', '{"": "empty name"}', /an entry with an empty name/],
  ['inputs', '~: null name', /an entry with an empty name/],
  ['inputs', '? [a, b]\n: x', /an entry with a non-text name/],
  ['inputs', '{"q": {"nested": 1}}', /a map gives text values; use the list form/],
  ['inputs', 'name: q\nvalue: x', /looks like a single \{name, value\} entry/],
  ['thread-id', 'two words', /one word with no spaces/],
  ['wait', 'maybe', /must be true or false/],
  ['timeout', 'soon', /a number of seconds or a duration such as 600, 90s, 15m or 1h/],
  ['timeout', '0', /at least 1 seconds/],
  ['timeout', '0.01', /at least 1 seconds/],
  ['timeout', '-5', /a number of seconds or a duration/],
  ['timeout', '30d', /a number of seconds or a duration/],
  ['timeout', '999999999', /at most 518400 seconds/],
  ['poll-interval', '0.001', /at least 0.2 seconds/],
  ['poll-interval', 'fast', /a number of seconds or a duration such as 1 or 0.5/],
  ['max-poll-interval', '0', /at least 0.2 seconds/],
  ['retries', 'many', /a whole number from 0 to 20/],
  ['retries', '21', /a whole number from 0 to 20/],
  ['retries', '-1', /a whole number from 0 to 20/],
  ['fail-on-error', 'nope', /must be true or false/],
  ['summary', 'yes please', /must be true or false/],
  ['allow-http', '1.0', /must be true or false/],
  ['stream', 'on-ish', /must be true or false/],
  ['cancel-on-exit', 'sometimes', /must be true or false/],
  ['output-file', 'out\u0000.txt', /no control characters/],
  ['trigger-path', 'api/trigger', /a path starting with \//],
  ['trigger-path', '/api/trigger?x=1', /no spaces, backslash, query or fragment/],
  ['run-path', '/runs\\..\\admin/{run_id}', /no spaces, backslash, query or fragment/],
  ['run-path', '/api/runs/id', /must contain \{run_id\}/],
  ['run-path', '/api/../runs/{run_id}', /must not have a \. or \.\. segment/],
  ['cancel-path', '/runs/%2e%2e/{run_id}/cancel', /must not have a \. or \.\. segment/],
  ['stream-path', '/stream with space', /no spaces, backslash, query or fragment/]
]

describe('malformed inputs', () => {
  it('has at least 40 cases', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40)
  })

  it.each(TABLE)('refuses %s = %j before any request', async (input, value, says) => {
    const result = await runInProcess({ ...valid(), [input]: value })
    expect(result.failed).toBe(true)
    expect(sim.requests).toHaveLength(0)
    const error = result.outputs['error'] ?? ''
    expect(error).toMatch(/^Invalid inputs \(\d+\); no request was sent:/)
    const problem = error.split('\n').find(line => line.includes(`\`${input}\``))
    expect(problem).toBeDefined()
    expect(problem).toMatch(says)
    // Neither the key nor a password in a URL is ever echoed.
    expect(error).not.toContain('hunter2')
    const key = input === 'api-key' ? value : ''
    expect(key === '' || !error.includes(key)).toBe(true)
  })
})
