// Blob upload that reads each byte once: the bytes are hashed and counted on their way to the
// registry, and a blob that does not match its descriptor never gets committed.
import { createHash, type Hash } from 'node:crypto'
import { Transform, type Readable, type TransformCallback } from 'node:stream'
import { registryTransience, type RegistryClient } from './client.js'
import { header } from '../../net/http.js'
import { backoffDelay, sleep, UPLOAD_RETRY, withRetry } from '../../net/retry.js'
import { LayoutError } from '../errors.js'
import { digestAlgorithm } from '../digest.js'

export interface BlobSource {
  digest: string
  size: number
  /** Where the bytes live, for error messages. */
  file: string
  /** Opens the bytes from `start` (inclusive) to `end` (exclusive). */
  open(start: number, end: number): Readable
}

export interface UploadOptions {
  /** Blobs at least this large go up in chunks (PATCH with Content-Range) that can resume. */
  chunkThreshold: number
  chunkSize: number
  /** Called as bytes leave, for progress reports. */
  onBytes?: (count: number) => void
}

export const DEFAULT_UPLOAD_OPTIONS: UploadOptions = { chunkThreshold: 256 * 1024 * 1024, chunkSize: 64 * 1024 * 1024 }

/** Hashes and counts what passes; fails the stream when the content is not what the descriptor says. */
class VerifyingStream extends Transform {
  private seen = 0

  constructor(
    private readonly hash: Hash,
    private readonly expectedBytes: number,
    private readonly onMismatch: (error: LayoutError) => void,
    private readonly describe: () => { blob: string; file: string },
    private readonly finalDigest: string | undefined,
    private readonly onBytes?: (count: number) => void
  ) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length
    if (this.seen > this.expectedBytes) return callback(this.mismatch(`is larger than the ${this.expectedBytes} bytes its descriptor says`))
    this.hash.update(chunk)
    this.onBytes?.(chunk.length)
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    if (this.seen < this.expectedBytes)
      return callback(this.mismatch(`is truncated: ${this.seen} bytes where its descriptor says ${this.expectedBytes}`))
    if (this.finalDigest) {
      const actual = `${digestAlgorithm(this.finalDigest)}:${this.hash.copy().digest('hex')}`
      if (actual !== this.finalDigest) return callback(this.mismatch(`has content that hashes to ${actual}`))
    }
    callback()
  }

  private mismatch(what: string): LayoutError {
    const { blob, file } = this.describe()
    const error = new LayoutError(
      `blob ${blob} ${what}; the layout is damaged (${file}). Rebuild the layout; nothing was committed for this blob.`,
      file
    )
    this.onMismatch(error)
    return error
  }
}

/**
 * The sources opened for one request's body. A source that fails fails the body (pipe() alone
 * would leave the request waiting), and every source is closed once the request is over: a source
 * that is itself a download (a blob copied between registries) must not hold its connection open.
 */
class OpenedStreams {
  private readonly streams: Readable[] = []

  pipe(source: Readable, verifying: VerifyingStream): VerifyingStream {
    this.streams.push(source)
    source.once('error', (error) => verifying.destroy(error))
    return source.pipe(verifying)
  }

  close(): void {
    for (const stream of this.streams.splice(0)) stream.destroy()
  }
}

/** Uploads one blob the registry does not have yet. */
export async function uploadBlob(client: RegistryClient, blob: BlobSource, options: UploadOptions = DEFAULT_UPLOAD_OPTIONS): Promise<void> {
  if (blob.size >= options.chunkThreshold) return uploadChunked(client, blob, options)
  return uploadMonolithic(client, blob, options)
}

async function uploadMonolithic(client: RegistryClient, blob: BlobSource, options: UploadOptions): Promise<void> {
  await withRetry(
    async () => {
      let mismatch: LayoutError | undefined
      const location = await client.startUpload()
      location.searchParams.set('digest', blob.digest)
      const opened = new OpenedStreams()
      try {
        await client.request({
          method: 'PUT',
          path: location.href,
          headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(blob.size) },
          body: () =>
            opened.pipe(
              blob.open(0, blob.size),
              new VerifyingStream(
                createHash(digestAlgorithm(blob.digest)),
                blob.size,
                (e) => (mismatch = e),
                () => ({ blob: blob.digest, file: blob.file }),
                blob.digest,
                options.onBytes
              )
            ),
          expect: [201],
          retry: false
        })
      } catch (error) {
        // A blob that does not match its digest is never worth another attempt.
        throw mismatch ?? error
      } finally {
        opened.close()
      }
    },
    { policy: UPLOAD_RETRY, classify: uploadTransience }
  )
}

function uploadTransience(error: unknown): ReturnType<typeof registryTransience> {
  return error instanceof LayoutError ? { transient: false } : registryTransience(error)
}

/**
 * Chunked upload (distribution spec: "Pushing a blob in chunks"). After a dropped connection the
 * registry is asked how much it kept (GET on the session, `Range: 0-<last>`), and the upload goes
 * on from there; the hash is rewound to the chunk's start and brought forward over the kept bytes.
 */
async function uploadChunked(client: RegistryClient, blob: BlobSource, options: UploadOptions): Promise<void> {
  const policy = UPLOAD_RETRY
  const started = Date.now()
  let failures = 0
  let location = await client.startUpload()
  let hash = createHash(digestAlgorithm(blob.digest))
  let offset = 0
  const describe = (): { blob: string; file: string } => ({ blob: blob.digest, file: blob.file })

  while (offset < blob.size) {
    const chunkStart = offset
    const chunkEnd = Math.min(blob.size, offset + options.chunkSize)
    const checkpoint = hash.copy()
    const isLast = chunkEnd === blob.size
    let mismatch: LayoutError | undefined
    const opened = new OpenedStreams()
    try {
      const response = await client.request({
        method: 'PATCH',
        path: location.href,
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(chunkEnd - chunkStart),
          'Content-Range': `${chunkStart}-${chunkEnd - 1}`
        },
        body: () =>
          opened.pipe(
            blob.open(chunkStart, chunkEnd),
            new VerifyingStream(
              hash,
              chunkEnd - chunkStart,
              (e) => (mismatch = e),
              describe,
              isLast ? blob.digest : undefined,
              options.onBytes
            )
          ),
        expect: [202],
        retry: false
      })
      location = client.location(response, 'PATCH upload')
      offset = chunkEnd
      opened.close()
    } catch (error) {
      opened.close()
      if (mismatch) {
        await client.request({ method: 'DELETE', path: location.href, expect: [204, 404], retry: false }).catch(() => undefined)
        throw mismatch
      }
      failures++
      const delay = backoffDelay(policy, failures - 1)
      if (!uploadTransience(error).transient || failures >= policy.attempts || Date.now() - started + delay > policy.budgetMs) throw error
      await sleep(delay)
      const kept = await uploadedSoFar(client, location).catch(() => undefined)
      if (kept === undefined || kept.offset < chunkStart || kept.offset > chunkEnd) {
        // The session is gone or says something impossible: start over.
        location = await client.startUpload()
        hash = createHash(digestAlgorithm(blob.digest))
        offset = 0
        continue
      }
      location = kept.location
      hash = checkpoint
      if (kept.offset > chunkStart) await hashRange(blob, chunkStart, kept.offset, hash)
      offset = kept.offset
    }
  }

  const finalDigest = `${digestAlgorithm(blob.digest)}:${hash.digest('hex')}`
  if (finalDigest !== blob.digest) {
    throw new LayoutError(`blob ${blob.digest} has content that hashes to ${finalDigest}; the layout is damaged (${blob.file})`, blob.file)
  }
  location.searchParams.set('digest', blob.digest)
  await client.request({ method: 'PUT', path: location.href, expect: [201] })
}

async function uploadedSoFar(client: RegistryClient, location: URL): Promise<{ offset: number; location: URL }> {
  const response = await client.request({ method: 'GET', path: location.href, expect: [204] })
  const range = header(response, 'range')
  const match = range ? /^(?:bytes=)?0-(\d+)$/.exec(range) : null
  const newLocation = header(response, 'location') ? client.location(response, 'GET upload') : location
  // `0-0` may mean nothing or one byte (distribution writes both the same way): take it as nothing.
  const offset = match ? (Number(match[1]) === 0 ? 0 : Number(match[1]) + 1) : 0
  return { offset, location: newLocation }
}

async function hashRange(blob: BlobSource, start: number, end: number, hash: Hash): Promise<void> {
  for await (const chunk of blob.open(start, end)) hash.update(chunk as Buffer)
}
