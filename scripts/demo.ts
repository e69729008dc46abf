// `npm run demo [-- --stream | --findings [--picture file.svg]]`: the action end to end against
// the bundled simulator, run the way a runner runs it (dist/index.js, inputs as INPUT_*, the
// runner's command files). With --findings, a reviewer's findings become annotations and one
// review on a pull request of the fake GitHub (simulator/fake-github.ts).
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ACTIONS_TOKEN, startFakeGitHub, type FakeGitHub } from '../simulator/fake-github.js'
import { REVIEW_ANSWER, REVIEW_PULL } from '../simulator/findings.js'
import { DEMO_KEY, startSimulator } from '../simulator/index.js'
import { removeRunnerFolders, runAction } from './action-runner.js'
import { drawReview } from './review-picture.js'

const stream = process.argv.includes('--stream')
const findings = process.argv.includes('--findings')
const pictureIndex = process.argv.indexOf('--picture')
const picture = pictureIndex > 0 ? process.argv[pictureIndex + 1] : undefined
const PR = 42
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
    },
    'wf-review': { run: { pendingMs: 300, durationMs: 1500, output: REVIEW_ANSWER } }
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

/** A pull_request event on the fake GitHub, for the review: its event file and variables. */
async function pullRequestEvent(
  github: FakeGitHub,
  folder: string
): Promise<Record<string, string>> {
  github.seedPull('octo', 'demo', PR, REVIEW_PULL)
  const eventPath = path.join(folder, 'event.json')
  const payload = { pull_request: { number: PR, head: { sha: REVIEW_PULL.headSha } } }
  await fs.writeFile(eventPath, JSON.stringify(payload))
  return {
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: github.url
  }
}

const github = findings ? await startFakeGitHub() : undefined
const eventFolder = findings ? await fs.mkdtemp(path.join(os.tmpdir(), 'demo-event-')) : undefined
try {
  console.log(
    `Simulator on ${simulator.url}${github ? `, a fake GitHub on ${github.url}` : ''}; running ` +
      `dist/index.js as a workflow step${stream ? ' with stream: true' : ''}` +
      `${findings ? ' with findings: both' : ''}…\n`
  )
  const result = await runAction({
    inputs: {
      'api-key': DEMO_KEY,
      'base-url': simulator.url,
      'poll-interval': '0.5',
      ...(findings
        ? {
            'workflow-id': 'wf-review',
            inputs: 'question: Review this pull request',
            findings: 'both',
            'github-token': ACTIONS_TOKEN
          }
        : {
            'workflow-id': 'wf-release-notes',
            inputs: 'question: Summarise the changes since v0.9'
          }),
      ...(stream ? { stream: 'true' } : {})
    },
    env: github && eventFolder ? await pullRequestEvent(github, eventFolder) : {}
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
  if (github) {
    const reviews = github.reviews('octo', 'demo', PR)
    for (const review of reviews) {
      section(`the review on pull request #${PR} (event ${review.event})`, review.body)
      for (const comment of review.comments) {
        const lines =
          comment.start_line === null ? comment.line : `${comment.start_line}-${comment.line}`
        section(`line comment on ${comment.path}:${lines}`, comment.body)
      }
    }
    if (reviews.length === 0) console.log('No review was posted.\n')
    if (picture !== undefined && reviews[0]) {
      await fs.writeFile(picture, drawReview(reviews[0], result.summary))
      console.log(`Wrote ${picture}.\n`)
    }
  }
  const gets = simulator.requests.filter(r => r.method === 'GET').length
  console.log(
    `exit code ${result.exitCode}; ${simulator.requests.length} requests to the simulator ` +
      `(${gets} gets of the run); ${(result.durationMs / 1000).toFixed(1)} s`
  )
  process.exitCode = result.exitCode ?? 1
} finally {
  await simulator.close()
  await github?.close()
  if (eventFolder) await fs.rm(eventFolder, { recursive: true, force: true })
  await removeRunnerFolders()
}
