// in-toto predicate and payload types, named once so a grep finds every use.

export const PREDICATE_TYPE = {
  cosignSign: 'https://sigstore.dev/cosign/sign/v1',
  slsaProvenance1: 'https://slsa.dev/provenance/v1',
  spdx23: 'https://spdx.dev/Document/v2.3',
  cycloneDx: 'https://cyclonedx.org/bom',
  testResult: 'https://in-toto.io/attestation/test-result/v0.1'
} as const

export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1'
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'
