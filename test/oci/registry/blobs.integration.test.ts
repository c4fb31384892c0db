// Blob uploads against the real registry: chunked upload resumes from the registry's reported
// range after a dropped connection; a blob whose bytes do not match is never committed.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { startRegistry } from '../../harness/registry.js'
import { testScope } from '../../harness/scope.js'
import { startFaultProxy } from '../../harness/fault-proxy.js'
import { sha256 } from '../../harness/layouts.js'
import { RegistryClient } from '../../../src/oci/registry/client.js'
import { uploadBlob, type BlobSource } from '../../../src/oci/registry/blobs.js'
import { LayoutError } from '../../../src/oci/errors.js'

const scope = testScope()
const registry = scope.server(() => startRegistry())
const work = scope.tempDir('dr-blobs-')

function fileBlob(path: string, digest: string, size: number): BlobSource {
  return {
    digest,
    size,
    file: path,
    open: (start, end) => (end <= start ? Readable.from([]) : createReadStream(path, { start, end: end - 1 }))
  }
}

test('a chunked upload resumes from the range the registry kept after a connection drops mid-chunk', async () => {
  const bytes = randomBytes(3 * 1024 * 1024 + 123)
  const path = join(work, 'big.bin')
  await writeFile(path, bytes)
  const digest = sha256(bytes)
  const proxy = await startFaultProxy(registry.host, [
    { method: 'PATCH', path: /\/blobs\/uploads\//, fault: { kind: 'reset-after', bytes: 300 * 1024 }, times: 1, skip: 1 }
  ])
  try {
    // The first PATCH passes whole (1 MiB); the second is cut after 300 KiB of its body.
    const client = new RegistryClient({ registry: proxy.host, repository: 'team/chunked' })
    let sent = 0
    await uploadBlob(client, fileBlob(path, digest, bytes.length), {
      chunkThreshold: 0,
      chunkSize: 1024 * 1024,
      onBytes: (n) => (sent += n)
    })
    const patches = proxy.log.filter((r) => r.method === 'PATCH')
    assert.ok(
      patches.some((r) => r.fault === 'reset'),
      'a PATCH was cut'
    )
    assert.ok(
      proxy.log.some((r) => r.method === 'GET' && /\/blobs\/uploads\//.test(r.path)),
      'the client asked the registry how much it kept'
    )
    assert.ok(sent < bytes.length * 2, 'it resumed instead of starting over')
    const direct = new RegistryClient({ registry: registry.host, repository: 'team/chunked' })
    assert.ok(await direct.blobExists(digest))
    assert.deepEqual(await direct.getBlob(digest), bytes)
  } finally {
    await proxy.close()
  }
})

test('a blob whose bytes do not hash to its digest is refused, naming the file, and never committed', async () => {
  const bytes = randomBytes(2 * 1024 * 1024)
  const path = join(work, 'altered.bin')
  const claimed = sha256(bytes)
  bytes[1000] ^= 0xff
  await writeFile(path, bytes)
  const client = new RegistryClient({ registry: registry.host, repository: 'team/altered' })
  for (const chunkThreshold of [0, Infinity]) {
    await assert.rejects(
      uploadBlob(client, fileBlob(path, claimed, bytes.length), { chunkThreshold, chunkSize: 512 * 1024 }),
      (error: unknown) => error instanceof LayoutError && error.message.includes(claimed) && error.message.includes(path)
    )
    assert.equal(await client.blobExists(claimed), false)
  }
})

test('a blob longer than its descriptor says is refused', async () => {
  const bytes = randomBytes(10_000)
  const path = join(work, 'long.bin')
  await writeFile(path, bytes)
  const client = new RegistryClient({ registry: registry.host, repository: 'team/long' })
  const blob: BlobSource = { digest: sha256(bytes.subarray(0, 5000)), size: 5000, file: path, open: () => createReadStream(path) }
  await assert.rejects(uploadBlob(client, blob), /is larger than the 5000 bytes its descriptor says/)
})
