// `npm run demo [-- --stream]`: the action end to end against the bundled simulator, run the
// way a runner runs it (dist/index.js, inputs as INPUT_*, the runner's command files).
import { DEMO_KEY, startSimulator } from '../simulator/index.js'
import { removeRunnerFolders, runAction } from './action-runner.js'

const stream = process.argv.includes('--stream')
const NOTES =
  '## Release notes\n\n' +
  '- Faster polling: short runs are noticed within a second.\n' +
  '- Streaming: the answer appears in the log as it is written.\n' +
  '- Clear errors for keys, ids and inputs.\n' +
  '- Unicode survives: café, 東京, 🚀\n'

const simulator = await startSimulator({
  keys: { [DEMO_KEY]: ['trigger', 'read', 'cancel'] },
  workflows: {
    'wf-release-notes': {
      inputs: [{ name: 'question', required: true }],
      run: {
        pendingMs: 500,
        durationMs: 3000,
        output: NOTES,
        // In stream mode the answer arrives a few words at a time, like a model writing it.
        outputChunks: NOTES.match(/\S+\s*/g) ?? [NOTES]
      }
    }
  }
})

/** What a runner shows: debug lines hidden, masks and stop-commands consumed, annotations labelled. */
function asShownByRunner(log: string): string {
  const shown: string[] = []
  let stopToken: string | undefined
  for (const line of log.split('\n')) {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined
      else shown.push(line)
      continue
    }
    const stop = /^::stop-commands::(.+)$/.exec(line)
    if (stop) stopToken = stop[1]
    else if (line.startsWith('::debug::') || line.startsWith('::add-mask::')) continue
    else {
      shown.push(
        line
          .replace(/^::(warning|error)::/, (_m, level: string) =>
            level === 'error' ? 'Error: ' : 'Warning: '
          )
          .replace(/%0A/g, '\n')
          .replace(/%0D/g, '\r')
          .replace(/%25/g, '%')
      )
    }
  }
  return shown.join('\n')
}

const section = (title: string, body: string): void =>
  console.log(`── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}\n${body.trimEnd()}\n`)

try {
  console.log(
    `Simulator on ${simulator.url}; running dist/index.js as a workflow step` +
      `${stream ? ' with stream: true' : ''}…\n`
  )
  const result = await runAction({
    inputs: {
      'api-key': DEMO_KEY,
      'base-url': simulator.url,
      'workflow-id': 'wf-release-notes',
      inputs: 'question: Summarise the changes since v0.9',
      'poll-interval': '0.5',
      ...(stream ? { stream: 'true' } : {})
    }
  })
  section('step log (as the runner shows it)', asShownByRunner(result.stdout + result.stderr))
  section(
    'step outputs',
    Object.entries(result.outputs)
      .map(
        ([name, value]) =>
          `${name}: ${value.includes('\n') ? `\n  ${value.split('\n').join('\n  ')}` : value}`
      )
      .join('\n')
  )
  section('job summary (HTML)', result.summary)
  const gets = simulator.requests.filter(r => r.method === 'GET').length
  console.log(
    `exit code ${result.exitCode}; ${simulator.requests.length} requests to the simulator ` +
      `(${gets} gets of the run); ${(result.durationMs / 1000).toFixed(1)} s`
  )
  process.exitCode = result.exitCode ?? 1
} finally {
  await simulator.close()
  await removeRunnerFolders()
}
