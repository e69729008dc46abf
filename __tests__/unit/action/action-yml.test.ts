import { promises as fs, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse as parseYaml } from 'yaml'
import { INPUT_NAMES, parseInputs } from '../../../src/action/inputs/inputs.js'
import { OUTPUT_NAMES } from '../../../src/action/publish/publish.js'
import type { RawInputs } from '../../../src/action/inputs/inputs.js'
import type { ActionInputs } from '../../../src/action/inputs/settings.js'

interface ActionYml {
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string; post?: string; 'post-if'?: string }
}

// Read at once, not in beforeAll: the table of per-input cases below is built from it.
const action = parseYaml(readFileSync(path.join(process.cwd(), 'action.yml'), 'utf8')) as ActionYml
const declaredRequired = Object.entries(action.inputs)
  .filter(([, input]) => input.required === true)
  .map(([name]) => name)
  .sort()

/** Valid values for the required inputs (a test below checks these are the required ones). */
const REQUIRED: Partial<RawInputs> = {
  'api-key': 'sk-test-key',
  'base-url': 'https://api.example.com/platform'
}
/** And one of the inputs required only conditionally, so that the settings are complete. */
const SAMPLE: Partial<RawInputs> = { ...REQUIRED, 'workflow-id': 'wf-1' }

function emptyRaw(): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map(name => [name, undefined])) as RawInputs
}

/** Settings in a comparable form (a URL compares by its href). */
function comparable(inputs: ActionInputs): Record<string, unknown> {
  // `secrets` holds the GitHub token, whose default is an expression only the runner evaluates.
  return { ...inputs, secrets: undefined, baseUrl: inputs.baseUrl.href }
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
    expect(Object.keys(REQUIRED).sort()).toEqual(declaredRequired)
    for (const name of declaredRequired) expect(action.inputs[name]).not.toHaveProperty('default')
    let problems: string[] = []
    try {
      await parseInputs(emptyRaw(), os.tmpdir())
    } catch (error) {
      problems = (error as { problems: string[] }).problems
    }
    const reported = problems.map(p => /^`([^`]+)`/.exec(p)?.[1] ?? '').sort()
    // An input required only without another (workflow-id without run-id) says so in action.yml.
    const conditional = reported.filter(name => !declaredRequired.includes(name))
    for (const name of conditional) {
      expect([name, action.inputs[name]?.description]).toEqual([
        name,
        expect.stringMatching(/Required unless/)
      ])
    }
    expect(reported.filter(name => declaredRequired.includes(name))).toEqual(declaredRequired)
  })

  it('has defaults that give the same settings as leaving the inputs empty', async () => {
    const withDefaults = emptyRaw()
    for (const name of INPUT_NAMES) {
      const fallback = action.inputs[name]?.default
      if (fallback !== undefined) withDefaults[name] = String(fallback)
    }
    const workspace = os.tmpdir()
    const fromYml = await parseInputs({ ...withDefaults, ...SAMPLE }, workspace)
    const fromSchema = await parseInputs({ ...emptyRaw(), ...SAMPLE }, workspace)
    expect(comparable(fromYml)).toEqual(comparable(fromSchema))
  })

  it.each(INPUT_NAMES.filter(name => !(name in SAMPLE)))(
    'has a default for %s that agrees with inputs.ts',
    async name => {
      const fallback = action.inputs[name]?.default
      expect(typeof fallback).toBe('string')
      const workspace = os.tmpdir()
      const fromYml = await parseInputs(
        { ...emptyRaw(), ...SAMPLE, [name]: String(fallback) },
        workspace
      )
      const fromSchema = await parseInputs({ ...emptyRaw(), ...SAMPLE }, workspace)
      expect(comparable(fromYml)).toEqual(comparable(fromSchema))
    }
  )

  it('runs on node24 from dist/index.js', () => {
    expect(action.runs.using).toBe('node24')
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}')
    expect(action.runs.main).toBe('dist/index.js')
    // The post step has an entry of its own, which cannot trigger a run (e2e/post-step.test.ts).
    expect(action.runs.post).toBe('dist/post/index.js')
    expect(action.runs['post-if']).toBe('always()')
  })

  it('declares exactly the outputs that publish.ts sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
  })

  it('gives every output a description', () => {
    for (const [name, output] of Object.entries(action.outputs)) {
      expect([name, typeof output.description]).toEqual([name, 'string'])
    }
  })

  it('sets outputs only through publish.ts, which sets only OUTPUT_NAMES', async () => {
    const setters: string[] = []
    for (const file of await sourceFiles(path.join(process.cwd(), 'src'))) {
      if (/\bsetOutput\(/.test(await fs.readFile(file, 'utf8'))) setters.push(file)
    }
    expect(setters.map(file => path.relative(process.cwd(), file))).toEqual([
      path.join('src', 'action', 'publish', 'publish.ts')
    ])
  })
})

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter(entry => entry.isFile() && entry.name.endsWith('.ts'))
    .map(entry => path.join(entry.parentPath, entry.name))
}

describe('README.md', () => {
  const readme = readFileSync(path.join(process.cwd(), 'README.md'), 'utf8')
  /** The first column of the table under a `## heading`, as `names`. */
  function tableNames(heading: string): string[] {
    const section = readme.split(/^## /m).find(part => part.startsWith(`${heading}\n`)) ?? ''
    return [...section.matchAll(/^\| `([a-z-]+)` +\|/gm)].map(match => match[1]!).sort()
  }

  it('documents exactly the inputs of action.yml, in its Inputs table', () => {
    expect(tableNames('Inputs')).toEqual(Object.keys(action.inputs).sort())
  })

  it('documents exactly the outputs of action.yml, in its Outputs table', () => {
    expect(tableNames('Outputs')).toEqual(Object.keys(action.outputs).sort())
  })
})
