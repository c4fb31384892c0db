// Image reference grammar and Docker's normalization rules
// (distribution/reference: `nginx` is `docker.io/library/nginx`, the first path component is a
// registry only when it has a dot or a colon or is `localhost`).

export const DOCKER_HUB = 'docker.io'
const LEGACY_DOCKER_HUB = new Set(['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'])

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$|^\[[0-9a-fA-F:.]+\](?::[0-9]+)?$/

export interface ImageReference {
  /** Registry host as written, with its port (`docker.io` for Docker Hub). */
  registry: string
  /** Repository path inside the registry (`library/nginx`). */
  repository: string
  tag?: string
  digest?: string
}

export class ReferenceError extends Error {
  override name = 'ReferenceError'
}

export function isValidTag(tag: string): boolean {
  return TAG.test(tag)
}

export function isValidDigest(digest: string): boolean {
  return DIGEST.test(digest)
}

/** Parses `[registry/]path[:tag][@digest]` and normalizes it as Docker does. Throws ReferenceError. */
export function parseReference(text: string): ImageReference {
  const input = text.trim()
  if (input === '') throw new ReferenceError('the image reference is empty')
  if (input.length > 255 + 128 + 80) throw new ReferenceError(`the image reference is too long: ${input.slice(0, 40)}…`)

  let rest = input
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!isValidDigest(digest)) throw new ReferenceError(`"${input}": "${digest}" is not a digest (expected sha256:<64 hex>)`)
  }

  let tag: string | undefined
  const lastSlash = rest.lastIndexOf('/')
  const lastColon = rest.lastIndexOf(':')
  if (lastColon > lastSlash) {
    tag = rest.slice(lastColon + 1)
    rest = rest.slice(0, lastColon)
    if (!isValidTag(tag))
      throw new ReferenceError(`"${input}": "${tag}" is not a valid tag (letters, digits, _ . -; at most 128; not starting with . or -)`)
  }

  const { registry, repository } = splitRepository(rest, input)
  return { registry, repository, tag, digest }
}

function splitRepository(name: string, input: string): { registry: string; repository: string } {
  const slash = name.indexOf('/')
  let registry = DOCKER_HUB
  let path = name
  if (slash >= 0) {
    const first = name.slice(0, slash)
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
      registry = first
      path = name.slice(slash + 1)
    }
  }
  if (!HOST.test(registry)) throw new ReferenceError(`"${input}": "${registry}" is not a valid registry host`)
  if (LEGACY_DOCKER_HUB.has(registry.toLowerCase())) registry = DOCKER_HUB
  if (path === '') throw new ReferenceError(`"${input}": the repository path is empty`)
  const components = path.split('/')
  for (const component of components) {
    if (!PATH_COMPONENT.test(component)) {
      const hint = /[A-Z]/.test(component) ? ' (repository names must be lowercase)' : ''
      throw new ReferenceError(`"${input}": "${component}" is not a valid repository path component${hint}`)
    }
  }
  if (registry === DOCKER_HUB && components.length === 1) path = `library/${path}`
  if (registry.length + 1 + path.length > 255) throw new ReferenceError(`"${input}": the repository name is longer than 255 characters`)
  return { registry, repository: path }
}

/** `registry/repository`, the normalized name two references are compared by. */
export function repositoryName(ref: Pick<ImageReference, 'registry' | 'repository'>): string {
  return `${ref.registry}/${ref.repository}`
}

/** The shortest familiar form: `nginx` for docker.io/library/nginx, `user/app` for docker.io/user/app. */
export function familiarName(ref: Pick<ImageReference, 'registry' | 'repository'>): string {
  if (ref.registry !== DOCKER_HUB) return repositoryName(ref)
  return ref.repository.startsWith('library/') && ref.repository.split('/').length === 2
    ? ref.repository.slice('library/'.length)
    : ref.repository
}

export function formatReference(ref: ImageReference): string {
  return `${repositoryName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`
}

/** True when the two references name the same repository after normalization (tags and digests ignored). */
export function sameRepository(a: ImageReference, b: ImageReference): boolean {
  return a.registry.toLowerCase() === b.registry.toLowerCase() && a.repository === b.repository
}
