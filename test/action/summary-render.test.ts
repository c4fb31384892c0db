// The job summary as GitHub shows it: rendered (GitHub-flavoured Markdown through marked, styled by
// github-markdown-css) in a panel as wide as the job summary's in a 1280 px window, laid out by a
// real browser (headless Chromium), which measures the page and writes its verdict into the DOM:
// nothing is cut off or scrolls sideways in a table, no digest in running text wraps mid-way, and
// the first line is the headline. Each page is also saved as a screenshot to look at.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { marked } from 'marked'
import { headline, renderSummary } from '../../src/action/summary.js'
import { emptyResult, type ReleaseResult } from '../../src/action/result.js'
import type { AttestationSummary } from '../../src/steps/attest.js'
import type { VerifyResult } from '../../src/steps/verify.js'
import { PREDICATE_TYPE } from '../../src/sigstore/predicates.js'

const CHROMIUM = '/usr/bin/chromium'
/**
 * The job summary panel's content width in a 1280 px window: 1280 less the run page's left sidebar
 * (320 px), the main column's padding (24 px each side) and the summary box's padding (16 px each
 * side): 880 px. Each is taken on the generous side, so a summary that fits here fits on GitHub.
 */
const PANEL_WIDTH = 880
const CSS = 'node_modules/github-markdown-css/github-markdown-light.css'

const run = promisify(execFile)

const digestOf = (name: string): string => `sha256:${createHash('sha256').update(name).digest('hex')}`
const IMAGE = 'registry.example.com:5000/platform-team/payments-service-api'
const IDENTITY = 'https://github.com/platform-team/payments-service-api/.github/workflows/release.yml@refs/tags/v1.2.3'
const ISSUER = 'https://token.actions.githubusercontent.com'
const TOP = digestOf('index')
const PREVIOUS = digestOf('previous index')
const PLATFORMS = ['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7', 'linux/ppc64le']

function legacyTag(subject: string, suffix: 'sig' | 'att'): string {
  return `${IMAGE}:${subject.replace(':', '-')}.${suffix}`
}

/** A four-platform release with everything on: signed, provenance, an SBOM per platform, test results, tags, a deploy PR. */
function fullRelease(): ReleaseResult {
  const result = emptyResult(IMAGE, false, ['v1.2.3', 'latest'], 'platform-team', 'platform-team/payments-service-api')
  result.digest = TOP
  result.imageRef = `${IMAGE}@${TOP}`
  result.platformDigests = Object.fromEntries(PLATFORMS.map((p) => [p, digestOf(p)]))
  result.referrersMode = 'referrers-api'
  result.sigstore = { instance: 'public-good', reason: 'the repository is public' }
  for (const step of ['preflight', 'layout', 'push', 'sign', 'attest', 'tags', 'deploy'] as const)
    result.steps[step] = { status: 'succeeded', durationMs: 2345 }
  result.push = {
    digest: TOP,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    size: 1234,
    platformDigests: result.platformDigests,
    blobsUploaded: 14,
    blobsSkipped: 6,
    blobsMounted: 0,
    bytesUploaded: 187 * 1024 * 1024,
    manifestsPushed: 5
  }
  result.sign = {
    signatureDigest: digestOf('signature'),
    signatureTag: legacyTag(TOP, 'sig'),
    rekorLogIndex: 184467440,
    identity: IDENTITY,
    issuer: ISSUER
  }
  const attestation = (
    kind: AttestationSummary['kind'],
    predicateType: string,
    subject: string,
    platform?: string
  ): AttestationSummary => ({
    kind,
    platform,
    subjectDigest: subject,
    referrerDigest: digestOf(`${kind} of ${subject}`),
    legacyTag: legacyTag(subject, 'att'),
    predicateType
  })
  const subjects: Array<[string, string | undefined]> = [[TOP, undefined], ...PLATFORMS.map((p): [string, string] => [digestOf(p), p])]
  const provenance = subjects.map(([subject, platform]) => attestation('provenance', PREDICATE_TYPE.slsaProvenance1, subject, platform))
  const tests = subjects.map(([subject, platform]) => attestation('test-result', PREDICATE_TYPE.testResult, subject, platform))
  const sboms = PLATFORMS.map((p) => attestation('sbom', PREDICATE_TYPE.spdx23, digestOf(p), p))
  result.attest = {
    provenance: provenance[0],
    testResult: { ...tests[0], result: 'PASSED', passed: 1287, failed: 0 },
    sbom: sboms[0],
    attestations: [...provenance, ...tests, ...sboms]
  }
  result.tags = {
    tags: ['v1.2.3', 'latest'],
    created: ['v1.2.3'],
    unchanged: [],
    moved: ['latest'],
    entries: [
      { tag: 'v1.2.3', mutable: false, action: 'create', digest: TOP },
      { tag: 'latest', mutable: true, previous: PREVIOUS, action: 'move', digest: TOP }
    ]
  }
  result.deploy = {
    commit: 'c0ffee'.repeat(6) + 'abcd',
    branch: 'digest-release/payments-service-api',
    pullRequestNumber: 4182,
    pullRequestUrl: 'https://github.com/platform-team/gitops-production/pull/4182',
    pullRequestOperation: 'created',
    autoMerge: 'enabled',
    patchedFiles: ['clusters/eu-west-1/payments/payments-service-api/deployment.yaml', 'clusters/us-east-1/payments/kustomization.yaml'],
    diff: '',
    previousDigest: PREVIOUS,
    changes: [
      {
        file: 'clusters/eu-west-1/payments/payments-service-api/deployment.yaml',
        line: 42,
        from: `${IMAGE}:v1.2.2@${PREVIOUS}`,
        to: `${IMAGE}:v1.2.3@${TOP}`
      },
      { file: 'clusters/us-east-1/payments/kustomization.yaml', line: 17, from: PREVIOUS, to: TOP },
      { file: 'clusters/us-east-1/payments/kustomization.yaml', line: 18, from: '', to: 'v1.2.3' }
    ]
  }
  return result
}

/** A two-platform release that pushed and signed, then failed to attest: nothing tagged, nothing deployed. */
function failedRelease(): ReleaseResult {
  const result = emptyResult(IMAGE, false, ['v1.2.3'], 'platform-team')
  result.digest = TOP
  result.platformDigests = { 'linux/amd64': digestOf('linux/amd64'), 'linux/arm64/v8': digestOf('linux/arm64/v8') }
  for (const step of ['preflight', 'layout', 'push', 'sign'] as const) result.steps[step] = { status: 'succeeded', durationMs: 1500 }
  result.steps.attest = {
    status: 'failed',
    durationMs: 31000,
    error: `Rekor at https://rekor.sigstore.dev answered HTTP 503 Service Unavailable three times for the provenance of ${TOP}; try again later`
  }
  result.sign = { signatureDigest: digestOf('signature'), rekorLogIndex: 184467441, identity: IDENTITY, issuer: ISSUER }
  return result
}

/** A two-platform promote from staging to production, verified at both ends, tagged and deployed by commit. */
function promoted(): ReleaseResult {
  const production = 'registry.example.com:5000/production/payments-service-api'
  const result = emptyResult(production, false, ['v1.2.3'], 'platform-team', 'platform-team/payments-service-api', 'promote')
  result.digest = TOP
  result.platformDigests = { 'linux/amd64': digestOf('linux/amd64'), 'linux/arm64/v8': digestOf('linux/arm64/v8') }
  for (const step of ['preflight', 'verify', 'copy', 'reverify', 'tags', 'deploy'] as const)
    result.steps[step] = { status: 'succeeded', durationMs: 900 }
  const verified = (where: string): VerifyResult => ({
    where,
    digest: TOP,
    identity: IDENTITY,
    issuer: ISSUER,
    signatures: 2,
    attestations: { [PREDICATE_TYPE.slsaProvenance1]: 1, [PREDICATE_TYPE.cycloneDx]: 1, [PREDICATE_TYPE.testResult]: 1 }
  })
  result.promote = {
    from: `registry.example.com:5000/staging/payments-service-api@${TOP}`,
    source: verified('source'),
    destination: verified('destination'),
    copy: {
      digest: TOP,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      platformDigests: result.platformDigests,
      blobsUploaded: 9,
      blobsMounted: 3,
      blobsSkipped: 0,
      bytesUploaded: 92 * 1024 * 1024,
      manifestsCopied: 9,
      referrersCopied: 8
    }
  }
  result.tags = {
    tags: ['v1.2.3'],
    created: ['v1.2.3'],
    unchanged: [],
    moved: [],
    entries: [{ tag: 'v1.2.3', mutable: false, action: 'create', digest: TOP }]
  }
  result.deploy = {
    commit: 'feedface'.repeat(5),
    branch: 'main',
    pullRequestOperation: 'none',
    patchedFiles: ['apps/payments/values.yaml'],
    diff: '',
    changes: [{ file: 'apps/payments/values.yaml', line: 8, from: `${production}@${PREVIOUS}`, to: `${production}@${TOP}` }]
  }
  return result
}

/** What the page measures once laid out, with every <details> opened: what is folded away must fit too. */
interface Verdict {
  panelWidth: number
  firstLine: string
  tables: Array<{ scrollWidth: number; clientWidth: number }>
  /** Elements whose right edge passes the panel's (inside a code block, which scrolls, excepted). */
  cut: string[]
  /** Inline code with a digest that takes more than one line box. */
  wrapped: string[]
  widest: number
  /** The page's height with <details> open, and folded as a reader first sees it. */
  openHeight: number
  height: number
}

// Runs in the page after load: measures with <details> open, then closes them again for the screenshot.
const MEASURE = `
addEventListener('load', () => {
  const panel = document.querySelector('.markdown-body')
  const details = [...panel.querySelectorAll('details')]
  for (const d of details) d.open = true
  const edge = panel.getBoundingClientRect().right + 0.5
  const describe = (el) => el.tagName.toLowerCase() + ': ' + el.textContent.trim().slice(0, 80)
  const bottom = () => Math.ceil(document.querySelector('.panel').getBoundingClientRect().bottom) + 24
  const inScroller = (el) => el.closest('pre') !== null && el.tagName !== 'PRE'
  const all = [...panel.querySelectorAll('*')]
  const verdict = {
    panelWidth: panel.getBoundingClientRect().width,
    firstLine: panel.firstElementChild.textContent,
    tables: [...panel.querySelectorAll('table')].map((t) => ({ scrollWidth: t.scrollWidth, clientWidth: t.clientWidth })),
    cut: all.filter((el) => !inScroller(el) && el.getBoundingClientRect().right > edge).map(describe),
    wrapped: [...panel.querySelectorAll('code')]
      .filter((c) => c.closest('pre') === null && c.textContent.includes('sha256:') && c.getClientRects().length !== 1)
      .map(describe),
    widest: Math.max(...all.filter((el) => !inScroller(el)).map((el) => el.getBoundingClientRect().width)),
    openHeight: bottom(),
    height: 0
  }
  if (!location.hash.includes('open')) for (const d of details) d.open = false
  verdict.height = bottom()
  document.getElementById('verdict').textContent = encodeURIComponent(JSON.stringify(verdict))
})
`

function page(markdown: string, css: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>job summary</title>
<style>${css}</style>
<style>
  body { margin: 0; background: #f6f8fa; }
  /* Where the panel sits on the run page: right of the 320 px sidebar, inside the main column's and the box's padding. */
  .panel { box-sizing: content-box; width: ${PANEL_WIDTH}px; margin: 24px 0 24px 344px; padding: 16px; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; }
  #verdict { display: none; }
</style></head>
<body><div class="panel"><div class="markdown-body">
${marked.parse(markdown, { gfm: true, async: false })}
</div></div><pre id="verdict"></pre><script>${MEASURE}</script></body></html>`
}

async function chromium(work: string, args: string[]): Promise<string> {
  const { stdout } = await run(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--user-data-dir=${join(work, 'profile')}`, ...args],
    { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }
  )
  return stdout
}

/** Lays the summary out in Chromium; returns the page's verdict and saves screenshots (folded, and with <details> open). */
async function layOut(name: string, result: ReleaseResult): Promise<Verdict> {
  const work = await mkdtemp(join(tmpdir(), 'dr-summary-render-'))
  try {
    const file = join(work, 'summary.html')
    await writeFile(file, page(renderSummary(result), await readFile(CSS, 'utf8')))
    const url = pathToFileURL(file).href
    const dom = await chromium(work, ['--window-size=1280,2000', '--dump-dom', url])
    const encoded = /<pre id="verdict">([^<]*)<\/pre>/.exec(dom)?.[1]
    assert.ok(encoded, `the page wrote no verdict; Chromium printed:\n${dom.slice(0, 2000)}`)
    const verdict = JSON.parse(decodeURIComponent(encoded)) as Verdict
    const screenshots = [
      [join(work, `${name}.png`), url, verdict.height],
      [join(work, `${name}-details.png`), `${url}#open`, verdict.openHeight]
    ] as const
    for (const [path, address, height] of screenshots)
      await chromium(work, [`--window-size=1280,${height}`, `--screenshot=${path}`, address])
    const keep = process.env.SUMMARY_SCREENSHOT_DIR
    if (keep) {
      await mkdir(keep, { recursive: true })
      for (const [path] of screenshots) await copyFile(path, join(keep, path.slice(work.length + 1)))
    }
    return verdict
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

function assertFits(verdict: Verdict, result: ReleaseResult): void {
  assert.equal(verdict.panelWidth, PANEL_WIDTH)
  for (const table of verdict.tables)
    assert.ok(
      table.scrollWidth <= table.clientWidth,
      `a table scrolls sideways: ${table.scrollWidth} px of content in ${table.clientWidth} px`
    )
  assert.deepEqual(verdict.cut, [], 'elements reach past the panel')
  assert.deepEqual(verdict.wrapped, [], 'digests wrap mid-way')
  assert.ok(verdict.widest <= PANEL_WIDTH)
  assert.equal(verdict.firstLine, headline(result).replace(/\*\*|`/g, ''))
}

describe(
  'the job summary fits GitHub’s summary panel',
  { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (Debian package chromium)` },
  () => {
    for (const [name, make] of [
      ['release', fullRelease],
      ['failed', failedRelease],
      ['promote', promoted]
    ] as const) {
      test(`${name}: nothing cut off, no digest wrapped, the headline first`, async (t) => {
        const result = make()
        const verdict = await layOut(name, result)
        t.diagnostic(
          `panel ${verdict.panelWidth} px; widest element ${Math.round(verdict.widest)} px; tables (content/box px): ${verdict.tables.map((table) => `${table.scrollWidth}/${table.clientWidth}`).join(', ')}`
        )
        assertFits(verdict, result)
      })
    }
  }
)
