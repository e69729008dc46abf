import type { OutputSink } from '../output/sink.js'
import type { PlatformClient } from '../platform/client.js'
import type { Clock } from '../util/clock.js'
import type { Logger } from '../util/logger.js'

/** What the run's lifecycle is given by the action: it finds nothing for itself. */
export interface RunDeps {
  client: PlatformClient
  clock: Clock
  logger: Logger
  /** Where the run's output goes, in every mode. */
  sink: OutputSink
  /** Which of an output's named values is the output (`output-name`); undefined: all of it. */
  outputName?: string | undefined
  /** Aborted when the job is cancelled: every wait and request stops. */
  signal: AbortSignal
  /** Told the run's id the moment it is known, so that the run can be found even if the process dies. */
  onRunStarted?: (runId: string) => void
}
