import { describe, expect, it } from '@jest/globals'
import { InputError, parseInputs, type RawInputs } from '../../../../src/action/inputs/inputs.js'
import { endpointUrl } from '../../../../src/platform/endpoints.js'

// Review 7: careless inputs that the validation lets through, or that make it throw.

const raw = (extra: Partial<RawInputs>): RawInputs =>
  ({
    'api-key': 'sim-key-0123456789abcdef',
    'base-url': 'https://api.example.com',
    'workflow-id': 'wf-1',
    ...extra
  }) as RawInputs

describe('inputs from a careless user', () => {
  it.each([
    ['a list entry that refers to itself', '- &a {name: q, value: [*a]}'],
    ['a map value that refers to itself', 'q: &x [*x]']
  ])('refuses %s with an InputError, not a RangeError', async (_what, inputs) => {
    await expect(parseInputs(raw({ inputs }), process.cwd())).rejects.toBeInstanceOf(InputError)
  })

  it('refuses a run-path whose backslash segments move the path', async () => {
    // WHATWG URL parsing reads `\` as `/` in http(s) URLs: `runs\..\..\admin` climbs two levels.
    const runPath = '/api/v1/apps/workflow-execution/runs\\..\\..\\admin\\{run_id}'
    const outcome = await parseInputs(raw({ 'run-path': runPath }), process.cwd()).then(
      inputs => endpointUrl(inputs.baseUrl, inputs.paths.run, 'run_1').href,
      (error: unknown) => error
    )
    expect(outcome).toBeInstanceOf(InputError)
  })
})
