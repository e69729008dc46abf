import { spawn, type ChildProcess } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Runs the committed bundle the way the runner does: inputs as INPUT_*, files for commands. */

const DIST_ENTRY = fileURLToPath(new URL('../dist/index.js', import.meta.url))
/** The post step's own entry (runs.post). */
export const DIST_POST_ENTRY = fileURLToPath(new URL('../dist/post/index.js', import.meta.url))

export interface ActionRunOptions {
  /** Inputs by their action.yml names, e.g. { 'api-key': '…' }. */
  inputs: Record<string, string>
  /** The bundle to run; the committed dist/index.js by default. */
  entry?: string
  /** Another program to run as the step instead (a benchmark's contender): argv. */
  command?: string[]
  /** The node binary; this process's own by default. */
  node?: string
  env?: Record<string, string>
  timeoutMs?: number
  /** Files to create in the workspace before the run (relative path → content). */
  workspaceFiles?: Record<string, string | Buffer>
}

export interface ActionRunResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  state: string
  workspace: string
  runnerTemp: string
  durationMs: number
  /** When the process exited (epoch ms): the step's end, for lag figures. */
  endedAt: number
}

/**
 * The runner's file-command format (GITHUB_OUTPUT, GITHUB_STATE), read as actions/runner's
 * FileCommandManager reads it on Linux: lines end at LF alone (a CR stays in the line), a
 * `name=value` line, or `name<<DELIMITER` then the value's lines up to a line that is exactly
 * the delimiter. A value keeps its line breaks as written, CRLF included.
 */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  let index = 0
  const readLine = (): string | undefined => {
    if (index >= text.length) return undefined
    const start = index
    const lf = text.indexOf('\n', index)
    index = lf < 0 ? text.length : lf + 1
    return text.slice(start, lf < 0 ? text.length : lf)
  }
  for (let line = readLine(); line !== undefined; line = readLine()) {
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      result[line.slice(0, equals)] = line.slice(equals + 1)
      continue
    }
    if (heredoc < 0) throw new Error(`Invalid format '${line}'`)
    const name = line.slice(0, heredoc)
    const delimiter = line.slice(heredoc + 2)
    const start = index
    let end = index
    for (let inner = readLine(); inner !== delimiter; inner = readLine()) {
      if (inner === undefined) throw new Error(`Matching delimiter not found '${delimiter}'`)
      end = index - 1
    }
    result[name] = end > start ? text.slice(start, end) : ''
  }
  return result
}

export interface RunnerFolders {
  root: string
  workspace: string
  runnerTemp: string
  /** The runner's command files, empty, by the variable that names each. */
  files: { GITHUB_OUTPUT: string; GITHUB_STEP_SUMMARY: string; GITHUB_STATE: string }
}

// Every folder made for a step, until removeRunnerFolders() removes it.
const madeFolders = new Set<string>()

/** Removes the folders of every step run so far (tests call it after each test). */
export async function removeRunnerFolders(): Promise<void> {
  const roots = [...madeFolders]
  madeFolders.clear()
  await Promise.all(roots.map(root => fs.rm(root, { recursive: true, force: true })))
}

/** A fresh workspace, RUNNER_TEMP and command files, as a runner lays them out for a step. */
export async function prepareRunnerFolders(
  workspaceFiles: Record<string, string | Buffer> = {}
): Promise<RunnerFolders> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'ai-planet-action-'))
  madeFolders.add(root)
  const workspace = path.join(root, 'workspace')
  const runnerTemp = path.join(root, 'runner-temp')
  await fs.mkdir(workspace)
  await fs.mkdir(runnerTemp)
  for (const [name, content] of Object.entries(workspaceFiles)) {
    await fs.mkdir(path.dirname(path.join(workspace, name)), { recursive: true })
    await fs.writeFile(path.join(workspace, name), content)
  }
  const files = {
    GITHUB_OUTPUT: path.join(root, 'output.txt'),
    GITHUB_STEP_SUMMARY: path.join(root, 'summary.md'),
    GITHUB_STATE: path.join(root, 'state.txt')
  }
  for (const file of Object.values(files)) await fs.writeFile(file, '')
  return { root, workspace, runnerTemp, files }
}

/** A step started as a child process: signal it through `child`, await `done` for its result. */
export interface ActionProcess {
  child: ChildProcess
  done: Promise<ActionRunResult>
  /** The runner's command files of this step (read GITHUB_STATE to see what it saved so far). */
  files: RunnerFolders['files']
}

export async function runAction(options: ActionRunOptions): Promise<ActionRunResult> {
  return (await startAction(options)).done
}

/**
 * Runs the post step after `main`, as the runner does: runs.post with the same inputs, in the
 * same workspace, with what main saved through GITHUB_STATE given back as STATE_* variables.
 */
export async function runPostStep(
  main: ActionRunResult,
  options: ActionRunOptions
): Promise<ActionRunResult> {
  const state: Record<string, string> = {}
  for (const [name, value] of Object.entries(parseCommandFile(main.state))) {
    state[`STATE_${name}`] = value
  }
  const post = await startAction({
    entry: DIST_POST_ENTRY,
    ...options,
    env: { ...options.env, ...state },
    folders: { workspace: main.workspace, runnerTemp: main.runnerTemp }
  })
  return post.done
}

export async function startAction(
  options: ActionRunOptions & { folders?: { workspace: string; runnerTemp: string } }
): Promise<ActionProcess> {
  const prepared = await prepareRunnerFolders(options.workspaceFiles)
  const { root, files } = prepared
  const { workspace, runnerTemp } = options.folders ?? prepared

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? root,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    ...files,
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs)) {
    // The runner's rule: INPUT_ + the name upper-cased with spaces as underscores (hyphens kept).
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }

  const started = Date.now()
  const [file = process.execPath, ...args] = options.command ?? [
    options.node ?? process.execPath,
    options.entry ?? DIST_ENTRY
  ]
  const child = spawn(file, args, {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  // The step ends when the process exits; its output may still be in the pipes then.
  let endedAt = 0
  child.on('exit', () => (endedAt = Date.now()))
  const done = (async (): Promise<ActionRunResult> => {
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(resolve =>
      child.on('close', (code, sig) => resolve([code, sig]))
    )
    clearTimeout(timer)
    return {
      exitCode,
      signal,
      stdout,
      stderr,
      outputs: parseCommandFile(await fs.readFile(files.GITHUB_OUTPUT, 'utf8')),
      summary: await fs.readFile(files.GITHUB_STEP_SUMMARY, 'utf8'),
      state: await fs.readFile(files.GITHUB_STATE, 'utf8'),
      workspace,
      runnerTemp,
      durationMs: endedAt - started,
      endedAt
    }
  })()
  return { child, done, files }
}
