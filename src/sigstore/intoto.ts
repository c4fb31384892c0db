// in-toto Statement v1 (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md).
import { IN_TOTO_STATEMENT_V1 } from './predicates.js'

export interface Subject {
  name: string
  digest: Record<string, string>
}

export interface Statement {
  _type: string
  subject: Subject[]
  predicateType: string
  predicate: unknown
}

export function buildStatement(subjects: Subject[], predicateType: string, predicate: unknown): Statement {
  return { _type: IN_TOTO_STATEMENT_V1, subject: subjects, predicateType, predicate }
}
