// Ruby gems: installed specifications as RubyGems writes them (Gem::Specification#to_ruby): rake's
// as Debian's ruby ships it, a platform gem as `bundle install` leaves in /usr/local/bundle, and, when
// Ruby is installed (Debian's `ruby`), every gemspec on this machine compared with what
// Gem::Specification.load reads, and gemspecs RubyGems writes here from specifications with escapes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { generateSbom } from '../../../src/sbom/index.js'
import { gemPackage, isGemspec, parseGemspec } from '../../../src/sbom/catalog/ruby.js'
import { buildImage, type LayerEntrySpec } from '../../harness/layers.js'

const run = promisify(execFile)
const DIGEST = 'sha256:' + 'e'.repeat(64)

async function catalog(entries: LayerEntrySpec[]) {
  const built = await buildImage([entries])
  try {
    const image = { name: 'a', digest: DIGEST, config: { os: 'linux', architecture: 'amd64' }, layers: built.layers }
    return await generateSbom(image, built.openBlob, { created: '2024-05-01T12:00:00.123Z' })
  } finally {
    await built.cleanup()
  }
}

const gems = (packages: Array<{ type: string; purl: string; declaredLicense?: string; locations: string[] }>) =>
  packages
    .filter((p) => p.type === 'gem')
    .map((p) => [p.purl, p.declaredLicense, p.locations] as const)
    .sort()

// Debian bookworm's ruby-rake: /usr/share/rubygems-integration/all/specifications/rake-13.0.6.gemspec.
const RAKE = `# -*- encoding: utf-8 -*-
# stub: rake 13.0.6 ruby lib

Gem::Specification.new do |s|
  s.name = "rake".freeze
  s.version = "13.0.6"

  s.required_rubygems_version = Gem::Requirement.new(">= 0".freeze) if s.respond_to? :required_rubygems_version=
  s.metadata = { "bug_tracker_uri" => "https://github.com/ruby/rake/issues", "changelog_uri" => "https://github.com/ruby/rake/blob/v13.0.6/History.rdoc", "documentation_uri" => "https://ruby.github.io/rake", "source_code_uri" => "https://github.com/ruby/rake/tree/v13.0.6" } if s.respond_to? :metadata=
  s.require_paths = ["lib".freeze]
  s.authors = ["Hiroshi SHIBATA".freeze, "Eric Hodel".freeze, "Jim Weirich".freeze]
  s.bindir = "exe".freeze
  s.date = "2022-03-12"
  s.description = "Rake is a Make-like program implemented in Ruby. Tasks and dependencies are\\nspecified in standard Ruby syntax.\\n".freeze
  s.email = ["hsbt@ruby-lang.org".freeze, "drbrain@segment7.net".freeze, "".freeze]
  s.executables = ["rake".freeze]
  s.files = ["exe/rake".freeze]
  s.homepage = "https://github.com/ruby/rake".freeze
  s.licenses = ["MIT".freeze]
  s.rdoc_options = ["--main".freeze, "README.rdoc".freeze]
  s.required_ruby_version = Gem::Requirement.new(">= 2.2".freeze)
  s.rubygems_version = "3.3.5".freeze
  s.summary = "Rake is a Make-like program implemented in Ruby".freeze

  s.installed_by_version = "3.3.5" if s.respond_to? :installed_by_version
end
`

// What RubyGems 3.4 writes for a precompiled platform gem installed by bundler in the official ruby image.
const NOKOGIRI = `# -*- encoding: utf-8 -*-
# stub: nokogiri 1.15.4 x86_64-linux lib

Gem::Specification.new do |s|
  s.name = "nokogiri".freeze
  s.version = "1.15.4"
  s.platform = "x86_64-linux".freeze

  s.required_rubygems_version = Gem::Requirement.new(">= 3.3.22".freeze) if s.respond_to? :required_rubygems_version=
  s.metadata = { "bug_tracker_uri" => "https://github.com/sparklemotion/nokogiri/issues", "rubygems_mfa_required" => "true" } if s.respond_to? :metadata=
  s.require_paths = ["lib".freeze]
  s.authors = ["Mike Dalessio".freeze, "Aaron Patterson".freeze]
  s.date = "2023-08-11"
  s.email = "nokogiri-talk@googlegroups.com".freeze
  s.executables = ["nokogiri".freeze]
  s.homepage = "https://nokogiri.org".freeze
  s.licenses = ["MIT".freeze]
  s.required_ruby_version = Gem::Requirement.new([">= 2.7".freeze, "< 3.3.dev".freeze])
  s.rubygems_version = "3.4.10".freeze
  s.summary = "Nokogiri (\\u92F8) makes it easy and painless to work with XML and HTML from Ruby.".freeze

  s.installed_by_version = "3.4.10" if s.respond_to? :installed_by_version

  s.specification_version = 4

  s.add_runtime_dependency(%q<racc>.freeze, ["~> 1.4"])
end
`

test('Ruby: installed gemspecs in Debian, gem and bundler directories give pkg:gem purls with platform and licenses', async () => {
  const { packages } = await catalog([
    { path: 'usr/share/rubygems-integration/all/specifications/rake-13.0.6.gemspec', content: RAKE },
    { path: 'usr/local/bundle/specifications/nokogiri-1.15.4-x86_64-linux.gemspec', content: NOKOGIRI },
    {
      path: 'usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec',
      content:
        '# -*- encoding: utf-8 -*-\n# stub: json 2.6.1 ruby lib\n# stub: ext/json/ext/generator/extconf.rb\0ext/json/ext/parser/extconf.rb\n\n' +
        'Gem::Specification.new do |s|\n  s.name = "json".freeze\n  s.version = "2.6.1"\n  s.licenses = ["Ruby".freeze, "BSD-2-Clause".freeze]\nend\n'
    },
    // A gem's own source tree: a hand-written gemspec, not an installed gem.
    {
      path: 'usr/src/app/mygem.gemspec',
      content: 'Gem::Specification.new do |spec|\n  spec.name = "mygem"\n  spec.version = "0.1.0"\nend\n'
    },
    { path: 'usr/local/bundle/specifications/broken.gemspec', content: '# not a specification\n' }
  ])
  assert.deepEqual(gems(packages), [
    ['pkg:gem/json@2.6.1', '(Ruby OR BSD-2-Clause)', ['usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec']],
    ['pkg:gem/nokogiri@1.15.4?platform=x86_64-linux', 'MIT', ['usr/local/bundle/specifications/nokogiri-1.15.4-x86_64-linux.gemspec']],
    ['pkg:gem/rake@13.0.6', 'MIT', ['usr/share/rubygems-integration/all/specifications/rake-13.0.6.gemspec']]
  ])
  const nokogiri = packages.find((p) => p.name === 'nokogiri')
  assert.equal(nokogiri?.description, 'Nokogiri (\u92F8) makes it easy and painless to work with XML and HTML from Ruby.')
})

test('Ruby: hand-written forms (another block variable, single quotes, %q{}, Gem::Version.new, s.license) and paths', () => {
  const spec = parseGemspec(
    Buffer.from(
      "Gem::Specification.new do |spec|\n  spec.name = 'o\\'brien'\n  spec.version = Gem::Version.new(%q{2.0.0.pre1})\n  spec.license = 'Apache-2.0'\nend\n"
    )
  )
  assert.deepEqual(spec, { name: "o'brien", version: '2.0.0.pre1', platform: undefined, licenses: ['Apache-2.0'], summary: undefined })
  assert.equal(gemPackage({ name: 'x', version: '1', licenses: [] }, 'p').purl, 'pkg:gem/x@1')
  assert.equal(isGemspec('vendor/bundle/ruby/3.2.0/specifications/rack-3.0.8.gemspec'), true)
  assert.equal(isGemspec('usr/local/bundle/gems/rack-3.0.8/rack.gemspec'), false)
})

/** Name, version, licenses and platform of each gemspec, as Ruby's own loader reads them. */
async function rubyReads(files: string[]): Promise<string[][]> {
  const script =
    'ARGV.each { |p| s = Gem::Specification.load(p); puts JSON.generate([s.name, s.version.to_s, s.licenses, s.platform.to_s]) }'
  const { stdout } = await run('ruby', ['-rjson', '-e', script, ...files], { maxBuffer: 16 * 1024 * 1024 })
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as string[])
}

async function hasRuby(): Promise<boolean> {
  try {
    await run('ruby', ['--version'])
    return true
  } catch {
    return false
  }
}

test("Ruby: this machine's installed gemspecs read as Gem::Specification.load reads them", async (t) => {
  if (!(await hasRuby())) return t.skip('ruby is not installed (apt-get install ruby)')
  const dirs = ['/usr/share/rubygems-integration/all/specifications']
  for (const version of readdirSync('/usr/lib/ruby/gems')) {
    dirs.push(`/usr/lib/ruby/gems/${version}/specifications`, `/usr/lib/ruby/gems/${version}/specifications/default`)
  }
  const files = dirs.flatMap((dir) => {
    try {
      return readdirSync(dir)
        .filter((name) => name.endsWith('.gemspec'))
        .map((name) => join(dir, name))
    } catch {
      return []
    }
  })
  assert.ok(files.length >= 10, `only ${files.length} gemspecs found`)
  const expected = (await rubyReads(files)).map(([name, version, licenses, platform]) => [
    gemPackage({ name, version, platform: platform === 'ruby' ? undefined : platform, licenses: licenses as unknown as string[] }, '').purl,
    (licenses as unknown as string[]).join(' ')
  ])
  const { packages } = await catalog(files.map((file) => ({ path: file.slice(1), content: readFileSync(file) })))
  const byLocation = new Map(packages.flatMap((p) => p.locations.map((l) => [l, p] as const)))
  assert.deepEqual(
    files.map((file) => {
      const pkg = byLocation.get(file.slice(1))
      return [pkg?.purl, (parseGemspec(readFileSync(file))?.licenses ?? []).join(' ')]
    }),
    expected
  )
})

test('Ruby: gemspecs RubyGems writes (to_ruby) for platforms, escapes and several licenses read back the same', async (t) => {
  if (!(await hasRuby())) return t.skip('ruby is not installed (apt-get install ruby)')
  const written = async (platform: string) => {
    const { stdout } = await run('ruby', [
      '-e',
      `s = Gem::Specification.new { |s| s.name = 'ffi'; s.version = '1.16.3'; s.platform = ${platform}; s.files = [] }; print s.to_ruby`
    ])
    return parseGemspec(Buffer.from(stdout))?.platform
  }
  // As a string (how a .gem built for a platform records it) and as a Gem::Platform, written as its parts.
  assert.equal(await written("'x86_64-linux-musl'"), 'x86_64-linux-musl')
  assert.equal(await written("Gem::Platform.new('x86_64-darwin-22')"), 'x86_64-darwin-22')
  assert.equal(await written("'ruby'"), undefined)
  const script = `
    require 'rubygems'
    s = Gem::Specification.new do |s|
      s.name = 'grpc'
      s.version = '1.59.2'
      s.platform = Gem::Platform.new('aarch64-linux')
      s.licenses = ['Apache-2.0', 'BSD-3-Clause']
      s.summary = "Quote \\" and backslash \\\\ and tab \\t and \\u00e9"
      s.authors = ['gRPC Authors']
      s.files = []
    end
    print s.to_ruby`
  const { stdout } = await run('ruby', ['-e', script])
  assert.match(stdout, /Gem::Specification\.new do \|s\|/)
  const record = parseGemspec(Buffer.from(stdout))
  assert.deepEqual(record, {
    name: 'grpc',
    version: '1.59.2',
    platform: 'aarch64-linux',
    licenses: ['Apache-2.0', 'BSD-3-Clause'],
    summary: 'Quote " and backslash \\ and tab \t and \u00e9'
  })
  assert.equal(gemPackage(record!, 'x').purl, 'pkg:gem/grpc@1.59.2?platform=aarch64-linux')
})
