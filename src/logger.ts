/** What domain modules need to speak to the job log; main.ts backs it with @actions/core. */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
}
