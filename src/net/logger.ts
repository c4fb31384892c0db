/** What a step may say while it works; main.ts wires it to the runner's log. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export const silentLogger: Logger = { info() {}, warning() {}, debug() {} }
