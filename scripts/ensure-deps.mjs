// Lets `npm test` and `npm run demo` work on a fresh clone: installs the locked npm packages when
// node_modules is missing or older than package-lock.json, and says which system packages are missing.
import { existsSync, statSync } from 'node:fs'
import { spawnSync, execFileSync } from 'node:child_process'

const lock = 'package-lock.json'
const marker = 'node_modules/.package-lock.json'
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  console.log('installing npm packages (npm ci)…')
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const missing = []
const has = (cmd, args) => {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
if (!has('docker-registry', ['--version'])) missing.push('docker-registry')
if (!has('git', ['--version']) || !existsSync('/usr/lib/git-core/git-http-backend')) missing.push('git')
if (process.argv.includes('--skopeo')) {
  // What the full test suite needs beyond the demo: skopeo reads images back, and the SBOM tests
  // build their ground truth with each ecosystem's own tools.
  if (!has('skopeo', ['--version'])) missing.push('skopeo')
  if (!has('go', ['version'])) missing.push('golang-go')
  if (!has('rpmbuild', ['--version'])) missing.push('rpm')
  if (!has('sqlite3', ['--version'])) missing.push('sqlite3')
  if (!has('unzip', ['-v'])) missing.push('unzip')
  if (!has('ruby', ['--version'])) missing.push('ruby')
  if (!existsSync('/usr/sbin/squid')) missing.push('squid')
  // The summary's render check lays it out in Chromium, with colour emoji for its marks.
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium')
  if (!existsSync('/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf')) missing.push('fonts-noto-color-emoji')
  if (!existsSync('/usr/share/java/commons-lang3.jar')) missing.push('libcommons-lang3-java')
  if (!existsSync('/usr/share/java/jackson-databind.jar')) missing.push('libjackson2-databind-java')
}
if (missing.length) {
  console.error(`missing Debian packages: ${missing.join(' ')}\ninstall them with: sudo apt-get install -y ${missing.join(' ')}`)
  process.exit(1)
}
