// An independent registry reader: plain fetch against the Distribution API, nothing of ours, so a
// test can check what the action stored without trusting the client that stored it.
import assert from 'node:assert/strict'
import { sha256 } from './layouts.js'

export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
].join(', ')

export interface ReadManifest {
  status: number
  /** The parsed manifest; undefined unless the registry answered 200. */
  json: any
  /** sha256 of the bytes served. */
  digest?: string
  mediaType?: string
  bytes?: Buffer
}

export interface RegistryReader {
  /** GET /v2/<repo>/manifests/<reference>, with every manifest type accepted. */
  manifest(repo: string, reference: string): Promise<ReadManifest>
  /** HEAD /v2/<repo>/manifests/<reference>: the Docker-Content-Digest, or undefined when absent. */
  head(repo: string, reference: string): Promise<string | undefined>
  /** GET /v2/<repo>/blobs/<digest>; asserts a 200 and that the bytes hash to the digest. */
  blob(repo: string, digest: string): Promise<Buffer>
  /** HEAD /v2/<repo>/blobs/<digest> answered 200. */
  blobExists(repo: string, digest: string): Promise<boolean>
  /** GET /v2/<repo>/tags/list: the tags, [] when the repository does not exist. */
  tags(repo: string): Promise<string[]>
}

/**
 * `registry` is the registry's URL (`http://127.0.0.1:PORT`) or a server with a `url`; the latter is
 * read at each request, so a reader can be made at module level from a test-scope server.
 */
export function registryReader(registry: string | { url: string }): RegistryReader {
  const url = (path: string): string => `${typeof registry === 'string' ? registry : registry.url}/v2/${path}`
  return {
    async manifest(repo, reference) {
      const response = await fetch(url(`${repo}/manifests/${reference}`), { headers: { Accept: MANIFEST_ACCEPT } })
      if (response.status !== 200) {
        await response.body?.cancel()
        return { status: response.status, json: undefined }
      }
      const bytes = Buffer.from(await response.arrayBuffer())
      return {
        status: 200,
        json: JSON.parse(bytes.toString()),
        digest: sha256(bytes),
        mediaType: response.headers.get('content-type') ?? undefined,
        bytes
      }
    },
    async head(repo, reference) {
      const response = await fetch(url(`${repo}/manifests/${reference}`), { method: 'HEAD', headers: { Accept: MANIFEST_ACCEPT } })
      return response.status === 200 ? (response.headers.get('docker-content-digest') ?? undefined) : undefined
    },
    async blob(repo, digest) {
      const response = await fetch(url(`${repo}/blobs/${digest}`))
      assert.equal(response.status, 200, `blob ${digest} in ${repo}`)
      const bytes = Buffer.from(await response.arrayBuffer())
      assert.equal(sha256(bytes), digest)
      return bytes
    },
    async blobExists(repo, digest) {
      return (await fetch(url(`${repo}/blobs/${digest}`), { method: 'HEAD' })).status === 200
    },
    async tags(repo) {
      const response = await fetch(url(`${repo}/tags/list`))
      if (response.status === 404) return []
      assert.equal(response.status, 200, `tags of ${repo}`)
      return ((await response.json()) as { tags?: string[] | null }).tags ?? []
    }
  }
}
