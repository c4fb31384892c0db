// What the runner's OIDC token says about who is signing, read before anything is signed.

/** The token's claims, unverified: only used to predict our own identity and to build provenance. */
export function decodeTokenClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1]
  if (!payload) return {}
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return {}
  }
}

/** Who we are, as far as can be told before signing: the SANs Fulcio may give this token, and its issuer. */
export interface ExpectedIdentity {
  candidates: string[]
  issuer?: string
}

/** The SANs Fulcio may give this token: GitHub's workflow URI form, or the token's e-mail or subject. */
export function expectedIdentity(claims: Record<string, unknown>, serverUrl: string): ExpectedIdentity {
  const candidates: string[] = []
  if (typeof claims.job_workflow_ref === 'string') {
    candidates.push(`${serverUrl}/${claims.job_workflow_ref}`, `https://github.com/${claims.job_workflow_ref}`)
  }
  for (const key of ['email', 'sub']) if (typeof claims[key] === 'string') candidates.push(claims[key] as string)
  return { candidates, issuer: typeof claims.iss === 'string' ? claims.iss : undefined }
}
