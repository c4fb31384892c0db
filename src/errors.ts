// One error family per failure domain, each built where the fact is known, with the fix in the message.

/** Bad input: names the input and says how to fix it. */
export class InputError extends Error {
  override name = 'InputError'
  constructor(
    readonly input: string,
    message: string
  ) {
    super(`input \`${input}\`: ${message}`)
  }
}

/** A layout that cannot be pushed as it is: names the file. */
export class LayoutError extends Error {
  override name = 'LayoutError'
  constructor(
    message: string,
    readonly file?: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

export interface RegistryErrorDetail {
  code: string
  message?: string
  detail?: unknown
}

/** A registry request that failed: method, URL, status and the registry's own error body. */
export class RegistryError extends Error {
  override name = 'RegistryError'
  constructor(
    message: string,
    readonly request: { method: string; url: string; status?: number; errors?: RegistryErrorDetail[]; body?: string },
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }

  get status(): number | undefined {
    return this.request.status
  }

  hasCode(code: string): boolean {
    return (this.request.errors ?? []).some((e) => e.code === code)
  }
}

/** A tag that may not be moved, or was moved under us. */
export class TagError extends Error {
  override name = 'TagError'
}

/** Signing or attesting failed (Fulcio, Rekor, TSA, OIDC). */
export class SigningError extends Error {
  override name = 'SigningError'
}

/** The deploy step could not patch, commit, push or open the pull request. */
export class DeployError extends Error {
  override name = 'DeployError'
}
