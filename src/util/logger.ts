/** What the lower layers need to speak to the job log; `action/` backs it with @actions/core. */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
}
