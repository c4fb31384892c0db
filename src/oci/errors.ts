// The OCI library's failures, each built where the fact is known, with the fix in the message.

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
    readonly request: { method: string; url: string; status?: number; errors?: RegistryErrorDetail[]; body?: string; retryAfter?: string },
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
