import type { IncomingHttpHeaders } from 'node:http'
import type { Route } from './faults.js'
import { runBody, triggerBody } from './render.js'
import type { RunRecord, RunStore } from './runs.js'
import { PERMISSION, resolveScript } from './scenario.js'
import type { Scope, SimulatorOptions } from './types.js'
import { parseTrigger } from './validate.js'

export type Reply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'stream'; run: RunRecord; key: string | undefined }

export interface RouteMatch {
  route: Route
  runId?: string
  methodAllowed: boolean
  allow: string
}

export interface Incoming {
  match: RouteMatch
  headers: IncomingHttpHeaders
  body: string
}

export interface HandlerState {
  options: SimulatorOptions
  store: RunStore
  // Per key, the times of the requests inside the current rate-limit window.
  rate: Map<string, number[]>
}

const BASE = '/api/v1/apps/workflow-execution'
const RUN_PATH = /^\/runs\/([^/]+)(\/cancel)?$/

export function matchRoute(method: string, pathname: string, prefix: string): RouteMatch {
  const unknown: RouteMatch = { route: 'unknown', methodAllowed: true, allow: '' }
  if (!pathname.startsWith(`${prefix}${BASE}/`)) return unknown
  const rest = pathname.slice(prefix.length + BASE.length)
  const post = method === 'POST'
  if (rest === '/trigger') return { route: 'trigger', methodAllowed: post, allow: 'POST' }
  if (rest === '/trigger/stream') return { route: 'stream', methodAllowed: post, allow: 'POST' }
  const run = RUN_PATH.exec(rest)
  if (!run?.[1]) return unknown
  let runId: string
  try {
    runId = decodeURIComponent(run[1])
  } catch {
    return unknown
  }
  return run[2]
    ? { route: 'cancel', runId, methodAllowed: post, allow: 'POST' }
    : { route: 'get', runId, methodAllowed: method === 'GET', allow: 'GET' }
}

const json = (status: number, body: unknown, headers?: Record<string, string>): Reply =>
  headers ? { kind: 'json', status, body, headers } : { kind: 'json', status, body }

const firstHeader = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value

const SCOPE_OF: Record<Exclude<Route, 'unknown'>, Scope> = {
  trigger: 'trigger',
  stream: 'trigger',
  get: 'read',
  cancel: 'cancel'
}

function authenticate(
  state: HandlerState,
  headers: IncomingHttpHeaders,
  scope: Scope
): { key: string } | { reply: Reply } {
  const header = firstHeader(headers.authorization)
  const bearer = header ? /^Bearer +(\S+) *$/i.exec(header)?.[1] : undefined
  const keys = state.options.keys ?? {}
  const scopes = bearer && Object.hasOwn(keys, bearer) ? keys[bearer] : undefined
  if (!bearer || !scopes) {
    const sent = bearer ?? header ?? ''
    const detail = state.options.variant?.echoKey
      ? `Invalid or missing API key: '${sent}'`
      : 'Invalid or missing API key'
    return { reply: json(401, { detail }, { 'WWW-Authenticate': 'Bearer' }) }
  }
  if (!scopes.includes(scope)) {
    return { reply: json(403, { detail: `API key lacks the '${PERMISSION[scope]}' permission` }) }
  }
  return { key: bearer }
}

function tooMany(state: HandlerState, detail: string): Reply {
  return json(429, { detail }, { 'Retry-After': state.options.retryAfter ?? '1' })
}

// Rejected requests are not counted, so a client that backs off as told gets through.
function overRateLimit(state: HandlerState, key: string): boolean {
  const limit = state.options.rateLimit
  if (!limit) return false
  const now = Date.now()
  const recent = (state.rate.get(key) ?? []).filter(t => t > now - limit.windowMs)
  state.rate.set(key, recent)
  if (recent.length >= limit.limit) return true
  recent.push(now)
  return false
}

function trigger(state: HandlerState, incoming: Incoming, key: string, stream: boolean): Reply {
  const { options, store } = state
  const parsed = parseTrigger(incoming.body, options.workflows ?? {})
  if (!parsed.ok) return json(parsed.status, parsed.body)
  const variant = options.variant ?? {}
  const idempotencyKey = firstHeader(incoming.headers['idempotency-key'])
  const existing = store.byKey(idempotencyKey)
  if (existing) {
    return stream
      ? { kind: 'stream', run: existing, key }
      : json(200, triggerBody(existing, variant, false))
  }
  const { workflowId, workflow, inputs, threadId } = parsed.request
  const cap = options.concurrencyCap
  if (cap !== undefined && store.activeCount(workflowId) >= cap) {
    return tooMany(state, 'Concurrency limit reached')
  }
  const run = store.create({
    workflowId,
    threadId,
    inputs,
    script: resolveScript(workflow, inputs),
    idempotencyKey
  })
  return stream ? { kind: 'stream', run, key } : json(201, triggerBody(run, variant, true))
}

export function dispatch(state: HandlerState, incoming: Incoming): Reply {
  const { match } = incoming
  if (match.route === 'unknown') return json(404, { detail: 'Not Found' })
  if (!match.methodAllowed) {
    return json(405, { detail: 'Method Not Allowed' }, { Allow: match.allow })
  }
  const auth = authenticate(state, incoming.headers, SCOPE_OF[match.route])
  if ('reply' in auth) return auth.reply
  if (overRateLimit(state, auth.key)) return tooMany(state, 'Rate limit exceeded')
  if (match.route === 'trigger' || match.route === 'stream') {
    return trigger(state, incoming, auth.key, match.route === 'stream')
  }
  const variant = state.options.variant ?? {}
  const run = match.runId === undefined ? undefined : state.store.get(match.runId)
  if (!run) return json(404, { detail: `Run '${match.runId ?? ''}' not found` })
  if (match.route === 'cancel' && !run.cancel()) {
    return json(409, { detail: 'Run already finished' })
  }
  return json(200, runBody(run, variant, auth.key))
}
