// Failures the steps themselves decide on (the libraries below have their own error types).

/** Bad input: names the input and says how to fix it. */
export class InputError extends Error {
  override name = 'InputError'
  constructor(
    readonly input: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(`input \`${input}\`: ${message}`, options)
  }
}

/**
 * A step that failed after doing part of its work: `partial` is its result so far, which the
 * outputs and the summary still report (tags written before a race was lost).
 */
export class PartialStepError<T> extends Error {
  constructor(
    message: string,
    readonly partial: T
  ) {
    super(message)
  }
}

/** A tag that may not be moved, or was moved under us. */
export class TagError extends Error {
  override name = 'TagError'
}
