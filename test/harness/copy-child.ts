// Runs one copyImage in a process of its own, so a test can read that process's peak RSS.
// argv[2] is JSON: { source: RegistryClientOptions, destination: RegistryClientOptions, digest }.
// Prints one JSON line: the CopyResult, the peak RSS (maxRSS) and the RSS before the copy, in bytes.
import { RegistryClient, type RegistryClientOptions } from '../../src/oci/registry/client.js'
import { copyImage } from '../../src/oci/copy.js'
import { silentLogger } from '../../src/net/logger.js'

const args = JSON.parse(process.argv[2]) as { source: RegistryClientOptions; destination: RegistryClientOptions; digest: string }
const rssBefore = process.memoryUsage().rss
const started = process.hrtime.bigint()
const result = await copyImage({
  source: new RegistryClient(args.source),
  destination: new RegistryClient(args.destination),
  digest: args.digest,
  copyReferrers: false,
  logger: silentLogger
})
const seconds = Number(process.hrtime.bigint() - started) / 1e9
console.log(JSON.stringify({ result, seconds, rssBefore, maxRss: process.resourceUsage().maxRSS * 1024 }))
