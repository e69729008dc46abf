import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, jest } from '@jest/globals'
import { parseCommandFile, prepareRunnerFolders } from '../../scripts/action-runner.js'
import { run } from '../../src/action/main.js'

/**
 * Runs `run()` in this process with real @actions/core: inputs as INPUT_* variables, outputs
 * and the summary through the runner's files. Only stdout is captured (it is the job log).
 */

// @actions/core resolves the summary file once per process, so every run of a test file
// shares this one; it is removed after the file's tests.
const summaryFile = path.join(os.tmpdir(), `ai-planet-summary-${process.pid}-${Date.now()}.md`)
afterAll(async () => {
  await fs.rm(summaryFile, { force: true })
})

export interface InProcessResult {
  failed: boolean
  log: string
  outputs: Record<string, string>
  summary: string
  workspace: string
  runnerTemp: string
}

export async function runInProcess(
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; workspaceFiles?: Record<string, string | Buffer> } = {}
): Promise<InProcessResult> {
  const { workspace, runnerTemp, files } = await prepareRunnerFolders(options.workspaceFiles)
  const outputFile = files.GITHUB_OUTPUT
  const stateFile = files.GITHUB_STATE
  await fs.writeFile(summaryFile, '')

  const saved = { ...process.env }
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('INPUT_') || name === 'RUNNER_DEBUG') delete process.env[name]
  }
  Object.assign(process.env, {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STATE: stateFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    ...options.env
  })
  for (const [name, value] of Object.entries(inputs)) {
    process.env[`INPUT_${name.toUpperCase()}`] = value
  }

  let log = ''
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    log += String(chunk)
    return true
  })
  const exitCodeBefore = process.exitCode
  try {
    await run()
  } finally {
    write.mockRestore()
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
  }
  const failed = process.exitCode === 1
  process.exitCode = exitCodeBefore
  return {
    failed,
    log,
    outputs: parseCommandFile(await fs.readFile(outputFile, 'utf8')),
    summary: await fs.readFile(summaryFile, 'utf8'),
    workspace,
    runnerTemp
  }
}
