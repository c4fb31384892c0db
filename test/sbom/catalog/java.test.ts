// Java archives: Debian's own jars (libcommons-lang3-java, libjackson2-databind-java), whose
// pom.properties versions are read with unzip at test time, alone and nested in a Spring-Boot-style
// fat jar built here, whose own coordinates come from its manifest.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { generateSbom } from '../../../src/sbom/index.js'
import { parseManifest, readJavaArchive } from '../../../src/sbom/catalog/java.js'
import { buildImage } from '../../harness/layers.js'
import { zip } from '../../harness/zip.js'

const run = promisify(execFile)
const DIGEST = 'sha256:' + 'c'.repeat(64)
const LANG3 = '/usr/share/java/commons-lang3.jar'
const DATABIND = '/usr/share/java/jackson-databind.jar'

/** groupId/artifactId@version from the jar's pom.properties, as unzip reads it. */
async function coordinates(jar: string, debianPackage: string): Promise<string> {
  if (!existsSync(jar)) throw new Error(`${jar} is missing: install ${debianPackage}`)
  let stdout: string
  try {
    ;({ stdout } = await run('unzip', ['-p', jar, 'META-INF/maven/*/*/pom.properties']))
  } catch (error) {
    throw new Error(`cannot read ${jar} with unzip (install unzip): ${(error as Error).message}`)
  }
  const field = (key: string) => new RegExp(`^${key}=(.+)$`, 'm').exec(stdout)?.[1].trim()
  return `${field('groupId')}/${field('artifactId')}@${field('version')}`
}

async function catalog(entries: Parameters<typeof buildImage>[0][number]) {
  const built = await buildImage([entries])
  try {
    const image = {
      name: 'a',
      digest: DIGEST,
      platform: 'linux/amd64',
      config: { os: 'linux', architecture: 'amd64' },
      layers: built.layers
    }
    return await generateSbom(image, built.openBlob, { created: '2024-05-01T12:00:00.123Z' })
  } finally {
    await built.cleanup()
  }
}

const maven = (packages: Array<{ type: string; purl: string; locations: string[] }>) =>
  packages
    .filter((p) => p.type === 'maven')
    .map((p) => [p.purl, p.locations] as const)
    .sort()

test("Java: Debian's commons-lang3 and jackson-databind jars give their pom.properties coordinates, at their paths", async () => {
  const lang3 = await coordinates(LANG3, 'libcommons-lang3-java')
  const databind = await coordinates(DATABIND, 'libjackson2-databind-java')
  assert.match(lang3, /^org\.apache\.commons\/commons-lang3@\d/)
  assert.match(databind, /^com\.fasterxml\.jackson\.core\/jackson-databind@\d/)
  const { packages } = await catalog([
    { path: 'usr/share/java/commons-lang3.jar', content: readFileSync(LANG3) },
    { path: 'usr/share/java/jackson-databind.jar', content: readFileSync(DATABIND) }
  ])
  assert.deepEqual(maven(packages), [
    [`pkg:maven/${databind}`, ['usr/share/java/jackson-databind.jar']],
    [`pkg:maven/${lang3}`, ['usr/share/java/commons-lang3.jar']]
  ])
})

test('Java: a Spring Boot fat jar gives its own manifest coordinates and the jars nested in BOOT-INF/lib, stored or deflated', async () => {
  const lang3 = await coordinates(LANG3, 'libcommons-lang3-java')
  const databind = await coordinates(DATABIND, 'libjackson2-databind-java')
  const manifest =
    'Manifest-Version: 1.0\r\nImplementation-Title: demo-app\r\nImplementation-Version: 1.0.0\r\nImplementation-Vendor-Id: com.exa\r\n mple\r\nMain-Class: org.springframework.boot.loader.JarLauncher\r\n\r\nName: x\r\nImplementation-Version: 2\r\n'
  const fat = zip([
    { name: 'META-INF/MANIFEST.MF', content: manifest },
    { name: 'BOOT-INF/classes/com/example/App.class', content: Buffer.from([0xca, 0xfe, 0xba, 0xbe]) },
    { name: 'BOOT-INF/lib/', content: '', store: true },
    { name: 'BOOT-INF/lib/jackson-databind.jar', content: readFileSync(DATABIND), store: true },
    { name: 'BOOT-INF/lib/commons-lang3.jar', content: readFileSync(LANG3) },
    { name: 'BOOT-INF/lib/broken.jar', content: 'not a zip' }
  ])
  const war = zip([{ name: 'WEB-INF/lib/demo-app-1.0.0.jar', content: fat }])
  const { packages } = await catalog([
    { path: 'app/demo-app-1.0.0.jar', content: fat },
    { path: 'srv/site.war', content: war }
  ])
  assert.deepEqual(maven(packages), [
    ['pkg:maven/com.example/demo-app@1.0.0', ['app/demo-app-1.0.0.jar', 'srv/site.war:WEB-INF/lib/demo-app-1.0.0.jar']],
    [
      `pkg:maven/${databind}`,
      [
        'app/demo-app-1.0.0.jar:BOOT-INF/lib/jackson-databind.jar',
        'srv/site.war:WEB-INF/lib/demo-app-1.0.0.jar:BOOT-INF/lib/jackson-databind.jar'
      ]
    ],
    [
      `pkg:maven/${lang3}`,
      [
        'app/demo-app-1.0.0.jar:BOOT-INF/lib/commons-lang3.jar',
        'srv/site.war:WEB-INF/lib/demo-app-1.0.0.jar:BOOT-INF/lib/commons-lang3.jar'
      ]
    ]
  ])
})

test('Java: a .jar that is not a zip is recorded as skipped; nesting stops at the depth limit; manifest continuation lines', async () => {
  const { packages, skipped } = await catalog([{ path: 'opt/fake.jar', content: 'no zip here, just text'.repeat(10) }])
  assert.deepEqual(packages, [])
  assert.equal(skipped.length, 1)
  assert.match(skipped[0].reason, /not a zip archive/)

  let inner = zip([{ name: 'META-INF/maven/g/deep/pom.properties', content: 'groupId=g\nartifactId=deep\nversion=1\n' }])
  for (let level = 0; level < 5; level++) inner = zip([{ name: `lib/level${level}.jar`, content: inner }])
  assert.deepEqual(readJavaArchive(inner, 'x.jar'), [], 'five levels down is past the limit')
  assert.equal(parseManifest('A: 1\r\nB: lon\r\n g\r\n').get('B'), 'long')
})
