import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { parse as parseYaml } from 'yaml'
import { INPUT_NAMES, parseInputs } from '../../src/inputs.js'
import type { ActionInputs, InputName, RawInputs } from '../../src/inputs.js'

interface ActionYml {
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string }
}

const REQUIRED: Partial<RawInputs> = {
  'api-key': 'sk-test-key',
  'base-url': 'https://api.example.com/platform',
  'workflow-id': 'wf-1'
}

let action: ActionYml

beforeAll(async () => {
  const text = await fs.readFile(path.join(process.cwd(), 'action.yml'), 'utf8')
  action = parseYaml(text) as ActionYml
})

function emptyRaw(): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map(name => [name, undefined])) as RawInputs
}

/** Settings in a comparable form (a URL compares by its href). */
function comparable(inputs: ActionInputs): Record<string, unknown> {
  return { ...inputs, baseUrl: inputs.baseUrl.href }
}

describe('action.yml', () => {
  it('declares exactly the inputs that inputs.ts reads', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort())
  })

  it('gives every input a description', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect([name, typeof input.description]).toEqual([name, 'string'])
    }
  })

  it('requires exactly the inputs that have no default in inputs.ts', async () => {
    const declaredRequired = Object.entries(action.inputs)
      .filter(([, input]) => input.required === true)
      .map(([name]) => name)
      .sort()
    expect(declaredRequired).toEqual(['api-key', 'base-url', 'workflow-id'])
    for (const name of declaredRequired) expect(action.inputs[name]).not.toHaveProperty('default')
    let problems: string[] = []
    try {
      await parseInputs(emptyRaw(), os.tmpdir())
    } catch (error) {
      problems = (error as { problems: string[] }).problems
    }
    expect(problems.map(p => /^`([^`]+)`/.exec(p)?.[1]).sort()).toEqual(declaredRequired)
  })

  it('has defaults that give the same settings as leaving the inputs empty', async () => {
    const withDefaults = emptyRaw()
    for (const name of INPUT_NAMES) {
      const fallback = action.inputs[name]?.default
      if (fallback !== undefined) withDefaults[name as InputName] = String(fallback)
    }
    const workspace = os.tmpdir()
    const fromYml = await parseInputs({ ...withDefaults, ...REQUIRED }, workspace)
    const fromSchema = await parseInputs({ ...emptyRaw(), ...REQUIRED }, workspace)
    expect(comparable(fromYml)).toEqual(comparable(fromSchema))
  })

  it.each(INPUT_NAMES.filter(name => !['api-key', 'base-url', 'workflow-id'].includes(name)))(
    'has a default for %s that agrees with inputs.ts',
    async name => {
      const fallback = action.inputs[name]?.default
      expect(typeof fallback).toBe('string')
      const workspace = os.tmpdir()
      const fromYml = await parseInputs(
        { ...emptyRaw(), ...REQUIRED, [name]: String(fallback) },
        workspace
      )
      const fromSchema = await parseInputs({ ...emptyRaw(), ...REQUIRED }, workspace)
      expect(comparable(fromYml)).toEqual(comparable(fromSchema))
    }
  )

  it('runs on node24 from dist/index.js', () => {
    expect(action.runs.using).toBe('node24')
    expect(action.runs.main).toBe('dist/index.js')
  })

  it('declares every output', () => {
    const outputs = Object.keys(action.outputs)
    for (const name of [
      'run-id',
      'thread-id',
      'status',
      'output',
      'output-file',
      'result',
      'error',
      'duration'
    ]) {
      expect(outputs).toContain(name)
    }
  })

  it('declares every output that main.ts sets', async () => {
    const main = await fs.readFile(path.join(process.cwd(), 'src', 'main.ts'), 'utf8')
    const set = [...main.matchAll(/setOutput\(\s*'([^']+)'/g)].map(match => match[1])
    expect(set.length).toBeGreaterThan(0)
    for (const name of set) expect(Object.keys(action.outputs)).toContain(name)
  })
})
