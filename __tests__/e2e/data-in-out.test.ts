import { describe, expect, it } from '@jest/globals'
import { runAction } from '../../scripts/action-runner.js'
import { actionNodes } from '../helpers/action-nodes.js'
import { KEY, useSimulator } from '../helpers/platform.js'

// Data in and out as the runner runs the action, dist/index.js under Node 20 and 24: a text
// input from a file, named outputs, output-schema (ajv inside the bundle) and usage.

const sim = useSimulator()

const SCHEMA = JSON.stringify({
  type: 'object',
  required: ['version', 'breaking'],
  properties: { version: { type: 'string' }, breaking: { type: 'boolean' } }
})

describe.each(actionNodes())(
  'data in and out, dist/index.js under Node $version',
  ({ path: node }) => {
    it('sends a text file, and sets outputs, output (by name), json and usage', async () => {
      const log = '- feat: named outputs (1a2b)\n- fix: café 🚀 (3c4d)\n'
      const result = await runAction({
        node,
        inputs: {
          'api-key': KEY,
          'base-url': sim.url,
          'workflow-id': 'wf-release',
          inputs: '- name: question\n  value: notes\n- name: changes\n  path: changes.txt',
          'poll-interval': '0.2',
          'output-name': 'meta',
          'output-schema': SCHEMA
        },
        workspaceFiles: { 'changes.txt': log }
      })
      expect(result.exitCode).toBe(0)
      const trigger = sim.requests.find(r => r.method === 'POST')
      expect(JSON.parse(trigger?.body ?? '{}')).toMatchObject({
        inputs: [
          { name: 'question', type: 'text', value: 'notes' },
          { name: 'changes', type: 'text', value: log }
        ]
      })
      expect(Object.keys(JSON.parse(result.outputs['outputs'] ?? '{}') as object)).toEqual([
        'notes',
        'meta'
      ])
      expect(result.outputs['output']).toBe('{"version": "1.2.0", "breaking": false}')
      expect(result.outputs['json']).toBe('{"version":"1.2.0","breaking":false}')
      expect(JSON.parse(result.outputs['usage'] ?? '{}')).toEqual({
        input_tokens: 1830,
        output_tokens: 412,
        total_tokens: 2242,
        cost: 0.0061
      })
      expect(result.summary).toContain('<th align="left">Usage</th>')
    })

    it('fails on an output that does not match the schema, listing the places', async () => {
      const result = await runAction({
        node,
        inputs: {
          'api-key': KEY,
          'base-url': sim.url,
          'workflow-id': 'wf-release',
          inputs: 'question: notes',
          'poll-interval': '0.2',
          'output-name': 'meta',
          'output-schema': JSON.stringify({
            type: 'object',
            properties: { breaking: { type: 'string' }, version: { enum: ['2.0.0'] } }
          })
        }
      })
      expect(result.exitCode).toBe(1)
      expect(result.outputs['error']).toContain('/breaking: must be string')
      expect(result.outputs['error']).toContain(
        '/version: must be equal to one of the allowed values (["2.0.0"])'
      )
    })
  }
)
