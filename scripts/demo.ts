// `npm run demo`: the action end to end against the bundled simulator, as a runner would run it.
import { startSimulator } from '../simulator/index.js'
import { runAction } from './action-runner.js'

const DEMO_KEY = 'sim-key-0123456789abcdef'

const simulator = await startSimulator({
  keys: { [DEMO_KEY]: ['trigger', 'read', 'cancel'] },
  workflows: {
    'wf-release-notes': {
      inputs: [{ name: 'question', required: true }],
      run: {
        pendingMs: 500,
        durationMs: 3000,
        output:
          '## Release notes\n\n- Faster polling: short runs are noticed within a second.\n' +
          '- Clear errors for keys, ids and inputs.\n- Unicode survives: café, 東京, 🚀'
      }
    }
  }
})

/** The runner hides debug lines (unless debug logging is on) and masks, and labels annotations. */
function asShownByRunner(log: string): string {
  return log
    .split('\n')
    .filter(line => !line.startsWith('::debug::') && !line.startsWith('::add-mask::'))
    .map(line =>
      line
        .replace(/^::(warning|error)::/, (_m, level: string) =>
          level === 'error' ? 'Error: ' : 'Warning: '
        )
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r')
        .replace(/%25/g, '%')
    )
    .join('\n')
}

try {
  console.log(`Simulator on ${simulator.url}; running dist/index.js as a workflow step…\n`)
  const result = await runAction({
    inputs: {
      'api-key': DEMO_KEY,
      'base-url': simulator.url,
      'workflow-id': 'wf-release-notes',
      inputs: 'question: Summarise the changes since v0.9',
      'poll-interval': '0.5'
    }
  })
  const section = (title: string, body: string): void =>
    console.log(`── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}\n${body.trimEnd()}\n`)
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
  console.log(
    `exit code ${result.exitCode}; ${simulator.requests.length} requests to the simulator; ` +
      `${(result.durationMs / 1000).toFixed(1)} s`
  )
  process.exitCode = result.exitCode ?? 1
} finally {
  await simulator.close()
}
