// Builds a real SQLite rpmdb for the SBOM tests: tiny noarch packages made with rpmbuild from spec
// files written here, installed with `rpm -i --justdb` into a fresh database (Debian's `rpm` package,
// rpm 4.18, whose default backend is SQLite; forced anyway).
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface RpmSpec {
  name: string
  version: string
  release: string
  epoch?: number
  license: string
  /** Installs one small file, /usr/share/<name>/greeting. */
  withFile?: boolean
}

export const TEST_RPMS: RpmSpec[] = [
  { name: 'dr-hello', version: '1.2.3', release: '4.fc40', license: 'MIT', withFile: true },
  { name: 'dr-tools', version: '0.9', release: '1.fc40', epoch: 2, license: 'GPL-2.0-or-later AND Apache-2.0' }
]

const SQLITE_BACKEND = ['--define', '_db_backend sqlite']

function specFile(spec: RpmSpec): string {
  return [
    `Name: ${spec.name}`,
    `Version: ${spec.version}`,
    `Release: ${spec.release}`,
    ...(spec.epoch !== undefined ? [`Epoch: ${spec.epoch}`] : []),
    `Summary: ${spec.name} for the digest-release tests`,
    `License: ${spec.license}`,
    'Vendor: digest-release tests',
    'BuildArch: noarch',
    '',
    '%description',
    'A test package.',
    '',
    '%install',
    ...(spec.withFile ? [`mkdir -p %{buildroot}/usr/share/${spec.name}`, `echo hello > %{buildroot}/usr/share/${spec.name}/greeting`] : []),
    '',
    '%files',
    ...(spec.withFile ? [`/usr/share/${spec.name}/greeting`] : []),
    ''
  ].join('\n')
}

export interface BuiltRpmdb {
  /** The bytes of <root>/var/lib/rpm/rpmdb.sqlite. */
  rpmdb: Buffer
  /** Scratch directory (the root is <dir>/root); removed by cleanup(). */
  dir: string
  /** Runs `rpm` against this database with the given arguments. */
  rpm(args: string[]): Promise<string>
  cleanup(): Promise<void>
}

export async function buildRpmdb(specs: RpmSpec[] = TEST_RPMS): Promise<BuiltRpmdb> {
  try {
    await run('rpmbuild', ['--version'])
  } catch {
    throw new Error('rpmbuild is missing: install the Debian package with `sudo apt-get install -y rpm`')
  }
  const dir = await mkdtemp(join(tmpdir(), 'rpm-test-'))
  const topdir = join(dir, 'build')
  const root = join(dir, 'root')
  await mkdir(join(topdir, 'SPECS'), { recursive: true })
  await mkdir(join(root, 'var/lib/rpm'), { recursive: true })
  for (const spec of specs) {
    const path = join(topdir, 'SPECS', `${spec.name}.spec`)
    await writeFile(path, specFile(spec))
    await run('rpmbuild', ['-bb', '--define', `_topdir ${topdir}`, path])
  }
  const rpmDir = join(topdir, 'RPMS/noarch')
  const rpms = (await readdir(rpmDir)).map((f) => join(rpmDir, f))
  const rpm = async (args: string[]): Promise<string> =>
    (await run('rpm', ['--root', root, '--dbpath', '/var/lib/rpm', ...SQLITE_BACKEND, ...args])).stdout
  await rpm(['--initdb'])
  // Debian's rpm warns that it should not install packages; --justdb only writes the database.
  await rpm(['-i', '--nodeps', '--justdb', '--ignorearch', '--ignoreos', ...rpms])
  return {
    rpmdb: await readFile(join(root, 'var/lib/rpm/rpmdb.sqlite')),
    dir,
    rpm,
    cleanup: () => rm(dir, { recursive: true, force: true })
  }
}
