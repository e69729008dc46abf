import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { runAction } from '../../scripts/action-runner.js'
import { actionNodes } from '../helpers/action-nodes.js'
import { ACTIONS_TOKEN, startFakeGitHub, type FakeGitHub } from '../../simulator/fake-github.js'
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js'
import { KEY, useSimulator } from '../helpers/platform.js'
import { startTlsFront, type TlsFront } from '../helpers/tls-front.js'

// The networks companies run CI in: a forward proxy (CONNECT for https, absolute form for
// http, NO_PROXY, basic auth in its URL) and a platform with a private certificate. A CA file
// only takes effect when a process starts, so every case runs dist/index.js as the runner does.

const sim = useSimulator()
let tls: TlsFront
let proxy: ForwardProxy
let authProxy: ForwardProxy
let github: FakeGitHub
let dir: string
let caFile: string

const PROXY_PASSWORD = 'pr0xy-s3cret-pass'

beforeAll(async () => {
  tls = await startTlsFront({ host: '127.0.0.1', port: sim.port })
  proxy = await startForwardProxy()
  authProxy = await startForwardProxy({ auth: { username: 'ci', password: PROXY_PASSWORD } })
  github = await startFakeGitHub()
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'network-test-'))
  caFile = await tls.writeCaFile(dir)
})
afterAll(async () => {
  await Promise.all([tls.close(), proxy.close(), authProxy.close(), github.close()])
  await fs.rm(dir, { recursive: true, force: true })
})
beforeEach(() => {
  proxy.reset()
  authProxy.reset()
  github.reset()
  sim.configure({ workflows: { 'wf-net': { run: { durationMs: 200, output: 'through' } } } })
})

const inputs = (baseUrl: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'api-key': KEY,
  'base-url': baseUrl,
  'workflow-id': 'wf-net',
  inputs: 'q: x',
  'poll-interval': '0.2',
  ...extra
})

/** The proxy variables the child sees: only these (runAction passes no other environment). */
function proxyEnv(given: Record<string, string> = {}): Record<string, string> {
  return given
}

describe.each(actionNodes())('networks, dist/index.js under Node $version', ({ path: node }) => {
  it('trusts a private certificate given by NODE_EXTRA_CA_CERTS', async () => {
    const result = await runAction({
      inputs: inputs(tls.url),
      node,
      env: { ...proxyEnv(), NODE_EXTRA_CA_CERTS: caFile }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['output']).toBe('through')
  })

  it('says which host and that NODE_EXTRA_CA_CERTS is the fix when the certificate is not trusted', async () => {
    const result = await runAction({ inputs: inputs(tls.url), node, env: proxyEnv() })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error']).toMatch(
      /certificate for 127\.0\.0\.1:\d+ is not trusted .*nothing was sent.*NODE_EXTRA_CA_CERTS/s
    )
    expect(result.outputs['error']).not.toMatch(/run may have started/)
    expect(sim.runs.size).toBe(0)
  })

  it('tunnels https through HTTPS_PROXY with CONNECT', async () => {
    const result = await runAction({
      inputs: inputs(tls.url),
      node,
      env: { ...proxyEnv({ HTTPS_PROXY: proxy.url }), NODE_EXTRA_CA_CERTS: caFile }
    })
    expect(result.exitCode).toBe(0)
    expect(proxy.requests.length).toBeGreaterThan(0)
    expect(
      proxy.requests.every(r => r.method === 'CONNECT' && r.target === `127.0.0.1:${tls.port}`)
    ).toBe(true)
  })

  it('sends http through http_proxy in absolute form, and bypasses it for NO_PROXY', async () => {
    const through = await runAction({
      inputs: inputs(sim.url),
      node,
      env: proxyEnv({ http_proxy: proxy.url })
    })
    expect(through.exitCode).toBe(0)
    expect(proxy.requests.map(r => r.method)).toContain('POST')
    expect(proxy.requests.every(r => r.target.startsWith(`http://127.0.0.1:${sim.port}/`))).toBe(
      true
    )

    proxy.reset()
    const bypassed = await runAction({
      inputs: inputs(sim.url),
      node,
      env: proxyEnv({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' })
    })
    expect(bypassed.exitCode).toBe(0)
    expect(proxy.requests).toHaveLength(0)
  })

  it('authenticates to a proxy with the user and password in its URL, and never shows the password', async () => {
    const result = await runAction({
      inputs: inputs(sim.url),
      node,
      env: { ...proxyEnv({ HTTP_PROXY: authProxy.urlWithAuth }), RUNNER_DEBUG: '1' }
    })
    expect(result.exitCode).toBe(0)
    expect(authProxy.requests.length).toBeGreaterThan(0)
    expect(authProxy.requests.every(r => r.authorized)).toBe(true)
    const shown = [result.stdout, result.stderr, result.summary, JSON.stringify(result.outputs)]
      .join('\n')
      .replace(`::add-mask::${PROXY_PASSWORD}`, '')
    expect(shown).not.toContain(PROXY_PASSWORD)
  })

  it('reaches the GitHub API for a comment through the same proxy', async () => {
    const eventPath = path.join(dir, 'event.json')
    await fs.writeFile(eventPath, JSON.stringify({ pull_request: { number: 3 } }))
    const result = await runAction({
      inputs: inputs(sim.url, { comment: 'true', 'github-token': ACTIONS_TOKEN }),
      node,
      env: {
        ...proxyEnv({ HTTP_PROXY: proxy.url }),
        GITHUB_REPOSITORY: 'octo/repo',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_API_URL: github.url
      }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['comment-url']).toMatch(/#issuecomment-/)
    expect(github.comments('octo', 'repo', 3)).toHaveLength(1)
    expect(proxy.requests.some(r => r.target.startsWith(`${github.origin}/repos/octo/repo`))).toBe(
      true
    )
  })
})
