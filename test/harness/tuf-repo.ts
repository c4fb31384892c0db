// A TUF repository on loopback serving one target, `trusted_root.json`, as Sigstore's and GitHub's
// repositories do: root, timestamp, snapshot and targets metadata signed with ECDSA P-256 keys made
// here (consistent snapshots, so metadata is fetched as `<version>.<role>.json` and the target as
// `targets/<sha256>.trusted_root.json`). `pin` describes its root the way tuf-root.ts pins GitHub's.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { canonicalize } from '@tufjs/canonical-json'
import type { PinnedTufRoot } from '../../src/sigstore/tuf-root.js'
import { spkiFingerprint } from '../../src/sigstore/tuf-root.js'

export interface TufRepository {
  url: string
  /** The pin matching this repository's root. */
  pin: PinnedTufRoot
  /** Paths requested, in order. */
  requests: string[]
  close(): Promise<void>
}

interface RepoKey {
  id: string
  privateKey: KeyObject
  json: { keytype: string; scheme: string; keyval: { public: string } }
}

function makeKey(): RepoKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const json = {
    keytype: 'ecdsa',
    scheme: 'ecdsa-sha2-nistp256',
    keyval: { public: publicKey.export({ format: 'pem', type: 'spki' }).toString() }
  }
  return { id: createHash('sha256').update(canonicalize(json)).digest('hex'), privateKey, json }
}

function signed(body: Record<string, unknown>, keys: RepoKey[]): Buffer {
  const bytes = Buffer.from(canonicalize(body))
  const signatures = keys.map((key) => ({ keyid: key.id, sig: sign('sha256', bytes, key.privateKey).toString('hex') }))
  return Buffer.from(JSON.stringify({ signatures, signed: body }, null, 2))
}

/**
 * `rootSigners`: how many of the three root keys sign the root (threshold 2). `forgeRootKeys`:
 * the served root names keys other than the pinned ones (an attacker's root with the right shape).
 */
export async function startTufRepository(
  trustedRoot: object,
  options: { rootSigners?: number; forgeRootKeys?: boolean } = {}
): Promise<TufRepository> {
  const rootKeys = [makeKey(), makeKey(), makeKey()]
  const servedRootKeys = options.forgeRootKeys ? [makeKey(), makeKey(), makeKey()] : rootKeys
  const online = makeKey()
  const expires = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z')
  const role = (keys: RepoKey[], threshold: number) => ({ keyids: keys.map((k) => k.id), threshold })
  const root = signed(
    {
      _type: 'root',
      consistent_snapshot: true,
      expires,
      keys: Object.fromEntries([...servedRootKeys, online].map((k) => [k.id, k.json])),
      roles: { root: role(servedRootKeys, 2), targets: role([online], 1), snapshot: role([online], 1), timestamp: role([online], 1) },
      spec_version: '1.0.31',
      version: 1
    },
    servedRootKeys.slice(0, options.rootSigners ?? 3)
  )
  const target = Buffer.from(JSON.stringify(trustedRoot))
  const targetHash = createHash('sha256').update(target).digest('hex')
  const targets = signed(
    {
      _type: 'targets',
      expires,
      spec_version: '1.0.31',
      targets: { 'trusted_root.json': { length: target.length, hashes: { sha256: targetHash } } },
      version: 1
    },
    [online]
  )
  const snapshot = signed({ _type: 'snapshot', expires, meta: { 'targets.json': { version: 1 } }, spec_version: '1.0.31', version: 1 }, [
    online
  ])
  const timestamp = signed(
    {
      _type: 'timestamp',
      expires,
      meta: {
        'snapshot.json': { version: 1, length: snapshot.length, hashes: { sha256: createHash('sha256').update(snapshot).digest('hex') } }
      },
      spec_version: '1.0.31',
      version: 1
    },
    [online]
  )
  const files = new Map<string, Buffer>([
    ['/1.root.json', root],
    ['/timestamp.json', timestamp],
    ['/1.snapshot.json', snapshot],
    ['/1.targets.json', targets],
    [`/targets/${targetHash}.trusted_root.json`, target]
  ])
  const requests: string[] = []
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '')
    const body = files.get(req.url ?? '')
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(body ?? '')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    pin: {
      mirror: url,
      version: 1,
      threshold: 2,
      rootKeys: Object.fromEntries(rootKeys.map((k) => [k.id, spkiFingerprint(k.json.keyval.public)]))
    },
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
