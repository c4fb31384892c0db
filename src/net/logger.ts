/** What a step may say while it works; main.ts wires it to the runner's log. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export const silentLogger: Logger = { info() {}, warning() {}, debug() {} }

/** A logger that keeps what it is told, for work that runs ahead of its turn in the log. */
export class HeldLogger implements Logger {
  private readonly lines: Array<[keyof Logger, string]> = []

  info(message: string): void {
    this.lines.push(['info', message])
  }

  warning(message: string): void {
    this.lines.push(['warning', message])
  }

  debug(message: string): void {
    this.lines.push(['debug', message])
  }

  /** Says everything kept, in order, to `logger`, and forgets it. */
  replay(logger: Logger): void {
    for (const [level, message] of this.lines.splice(0)) logger[level](message)
  }
}
