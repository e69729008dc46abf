import { STATUS_CODES } from 'node:http'
import type { Fault, FaultRoute } from './types.js'

export type Route = Exclude<FaultRoute, 'any'> | 'unknown'

interface Pending {
  route: FaultRoute
  fault: Fault
  remaining: number
}

// One queue for all routes keeps 'any' and route-specific faults in the order they were injected.
export class FaultQueue {
  private pending: Pending[] = []

  add(route: FaultRoute, fault: Fault, times = 1): void {
    if (times > 0) this.pending.push({ route, fault, remaining: Math.floor(times) })
  }

  take(route: Route): Fault | undefined {
    const index = this.pending.findIndex(p => p.route === 'any' || p.route === route)
    const entry = this.pending[index]
    if (!entry) return undefined
    entry.remaining--
    if (entry.remaining <= 0) this.pending.splice(index, 1)
    return entry.fault
  }

  clear(): void {
    this.pending = []
  }
}

// What a proxy in front of the platform sends when the platform is down, labelled as JSON.
export const GARBAGE_BODY =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

export function faultStatusBody(status: number): string {
  return JSON.stringify({ detail: `Simulated ${status} ${STATUS_CODES[status] ?? 'error'}` })
}

export function looksLikeJson(body: string): boolean {
  try {
    JSON.parse(body)
    return true
  } catch {
    return false
  }
}

export const createsRun = (fault: Fault): boolean =>
  (fault.kind === 'status' || fault.kind === 'reset') && fault.createRun === true
