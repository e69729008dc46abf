import { isSafeRunId } from '../../platform/endpoints.js'
import { parseDurationSeconds } from '../../util/duration.js'

/**
 * The check of one input: its value in the unit the code uses, or what is wrong with it (a
 * phrase that follows the input's name: "`timeout` must be …"). Plain functions rather than a
 * schema library, so that a step with bad inputs fails before anything heavy is loaded.
 */
export type Check<T> = (raw: string | undefined) => { value: T } | { problem: string }

const ok = <T>(value: T): { value: T } => ({ value })
const bad = (problem: string): { problem: string } => ({ problem })

const NOT_ONE_WORD = 'must be one word with no spaces or control characters'
const ONE_WORD = /^[^\s\p{Cc}]+$/u

/** A value the step must give: `what` says what it is, for the user who left it out. */
export function required<T>(what: string, check: Check<T>): Check<T> {
  return raw => (raw === undefined || raw.trim() === '' ? bad(`is required: ${what}`) : check(raw))
}

/** An input that may be left empty, then `fallback` (a default action.yml also declares). */
export function optional<T, F>(check: Check<T>, fallback: F): Check<T | F> {
  return raw => (raw === undefined || raw.trim() === '' ? ok(fallback) : check(raw))
}

export const word: Check<string> = raw => {
  const text = (raw ?? '').trim()
  return ONE_WORD.test(text) ? ok(text) : bad(NOT_ONE_WORD)
}

export const apiKey: Check<string> = raw => {
  const checked = word(raw)
  if ('problem' in checked) return checked
  // Every occurrence of the key is masked in outputs: a very short "key" would mangle them.
  if (checked.value.length < 8) {
    return bad('is too short for an API key (at least 8 characters): check the secret')
  }
  // It travels in an HTTP header, which takes visible ASCII only.
  if (!/^[\x21-\x7e]+$/.test(checked.value)) {
    return bad(
      'must be visible ASCII characters only, as an HTTP header requires: check the secret'
    )
  }
  return checked
}

// YAML 1.2's spellings, as @actions/core's getBooleanInput reads them.
const TRUE = new Set(['true', 'True', 'TRUE'])
const FALSE = new Set(['false', 'False', 'FALSE'])

export const boolean: Check<boolean> = raw => {
  const text = (raw ?? '').trim()
  if (TRUE.has(text)) return ok(true)
  if (FALSE.has(text)) return ok(false)
  return bad('must be true or false')
}

/** Seconds, or a duration such as 90s, 15m, 1h30m; in milliseconds. */
export function seconds(min: number, max: number, example: string): Check<number> {
  return raw => {
    const value = parseDurationSeconds(raw ?? '')
    if (value === undefined) {
      return bad(`must be a number of seconds or a duration such as ${example}`)
    }
    if (value < min)
      return bad(`must be at least ${min} seconds (a number of seconds, or e.g. ${example})`)
    if (value > max) return bad(`must be at most ${max} seconds`)
    return ok(value * 1000)
  }
}

export function wholeNumber(min: number, max: number): Check<number> {
  return raw => {
    const text = (raw ?? '').trim()
    const value = Number(text)
    return /^\d+$/.test(text) && value >= min && value <= max
      ? ok(value)
      : bad(`must be a whole number from ${min} to ${max}`)
  }
}

export function oneOf<T extends string>(...choices: T[]): Check<T> {
  return raw => {
    const text = (raw ?? '').trim() as T
    return choices.includes(text) ? ok(text) : bad(`must be one of ${choices.join(', ')}`)
  }
}

export const filePath: Check<string> = raw => {
  const text = (raw ?? '').trim()
  return /^[^\p{Cc}]*$/u.test(text)
    ? ok(text)
    : bad('must be a file path with no control characters')
}

export const anyText: Check<string> = raw => ok(raw ?? '')

/** A path of an endpoint, appended to base-url; `needsRunId` for the run's own endpoints. */
export function endpointPath(needsRunId: boolean): Check<string> {
  return raw => {
    const text = (raw ?? '').trim()
    if (!/^\/[^\s?#\\\p{Cc}]*$/u.test(text) || /%5c/i.test(text)) {
      return bad('must be a path starting with / (no spaces, backslash, query or fragment)')
    }
    if (text.split('/').some(segment => /^(\.|%2e){1,2}$/i.test(segment))) {
      return bad('must not have a . or .. segment (it would move the path)')
    }
    if (needsRunId && !text.includes('{run_id}')) return bad('must contain {run_id}')
    return ok(text)
  }
}

/** A run's id, as it may go into a request path. */
export const runId: Check<string> = raw => {
  const checked = word(raw)
  if ('problem' in checked) return checked
  return isSafeRunId(checked.value)
    ? checked
    : bad('must be a run id: not `.` or `..`, at most 256 characters')
}
