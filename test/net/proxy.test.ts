// Proxy selection: our rules, applied to an environment passed in, give the toolkit's answers
// (@actions/http-client reads process.env itself, so each case sets it for the toolkit's call).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkBypass, getProxyUrl } from '@actions/http-client/lib/proxy'
import { bypassesProxy, noProxyForNpmAgent, parseProxyUrl, proxyAuthorization, proxyFor, type Environment } from '../../src/net/proxy.js'

const VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY']

function toolkit<T>(env: Environment, work: () => T): T {
  const saved = VARIABLES.map((name) => [name, process.env[name]] as const)
  for (const name of VARIABLES) delete process.env[name]
  Object.assign(process.env, env)
  try {
    return work()
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

const environments: Environment[] = [
  {},
  { HTTPS_PROXY: 'http://proxy.corp:3128' },
  { https_proxy: 'http://lower:3128', HTTPS_PROXY: 'http://upper:3128' },
  { HTTP_PROXY: 'http://plain:8080', HTTPS_PROXY: 'http://secure:8443' },
  { http_proxy: 'http://plain:8080' },
  { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'registry.test' },
  { HTTPS_PROXY: 'http://proxy:3128', no_proxy: '.corp.example', NO_PROXY: '*' },
  { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: ' example.com , registry.test:5000,  ' },
  { HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://proxy:3128', NO_PROXY: 'registry.test:443,git.test:80' },
  { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '*' },
  { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'EXAMPLE.COM' },
  { HTTPS_PROXY: 'http://user:p%40ss@proxy:3128', NO_PROXY: '.example.com' },
  { HTTPS_PROXY: '127.0.0.1:3128' }
]

const urls = [
  'https://registry.test:5000/v2/',
  'https://registry.test/v2/',
  'http://git.test/owner/repo.git',
  'http://git.test:8080/owner/repo.git',
  'https://example.com/',
  'https://sub.example.com/',
  'https://notexample.com/',
  'https://a.corp.example/',
  'https://corp.example/',
  'https://localhost:5000/',
  'https://127.0.0.1:5000/',
  'http://[::1]:5000/',
  'https://ghcr.io/v2/'
]

test('proxy selection matches the toolkit for every environment and URL', () => {
  let compared = 0
  for (const env of environments) {
    for (const href of urls) {
      const url = new URL(href)
      const expected = toolkit(env, () => getProxyUrl(url))
      const expectedBypass = toolkit(env, () => checkBypass(url))
      const actual = proxyFor(url, env)
      assert.equal(bypassesProxy(url, env), expectedBypass, `bypass of ${href} under ${JSON.stringify(env)}`)
      assert.equal(actual?.href, expected?.href, `proxy of ${href} under ${JSON.stringify(env)}`)
      compared++
    }
  }
  assert.equal(compared, environments.length * urls.length)
})

test('NO_PROXY forms: host, .domain, host:port and *', () => {
  const env = (noProxy: string): Environment => ({ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: noProxy })
  const via = (href: string, noProxy: string): string | undefined => proxyFor(new URL(href), env(noProxy))?.host
  assert.equal(via('https://registry.test:5000/', 'registry.test'), undefined)
  assert.equal(via('https://registry.test:5000/', 'other.test'), 'proxy:3128')
  assert.equal(via('https://a.b.corp/', '.corp'), undefined)
  assert.equal(via('https://a.b.corp/', 'b.corp'), undefined)
  assert.equal(via('https://xb.corp/', 'b.corp'), 'proxy:3128')
  assert.equal(via('https://registry.test:5000/', 'registry.test:5000'), undefined)
  assert.equal(via('https://registry.test:5001/', 'registry.test:5000'), 'proxy:3128')
  assert.equal(via('https://registry.test/', 'registry.test:443'), undefined)
  assert.equal(via('https://anything.example/', '*'), undefined)
  assert.equal(via('https://Registry.Test/', 'REGISTRY.test'), undefined)
})

test('lower case wins over upper case; http and https targets read their own variables', () => {
  const env = {
    https_proxy: 'http://lower:1',
    HTTPS_PROXY: 'http://upper:2',
    HTTP_PROXY: 'http://plain:3',
    no_proxy: 'a.test',
    NO_PROXY: 'b.test'
  }
  assert.equal(proxyFor(new URL('https://x.test/'), env)?.host, 'lower:1')
  assert.equal(proxyFor(new URL('http://x.test/'), env)?.host, 'plain:3')
  assert.equal(proxyFor(new URL('https://a.test/'), env), undefined)
  assert.equal(proxyFor(new URL('https://b.test/'), env)?.host, 'lower:1', 'no_proxy, when set, hides NO_PROXY')
  assert.equal(proxyFor(new URL('https://x.test/'), { HTTP_PROXY: 'http://plain:3' }), undefined, 'HTTP_PROXY does not cover https')
})

test('proxy values without a scheme mean http; credentials become a Basic header', () => {
  assert.equal(parseProxyUrl('127.0.0.1:3128')?.href, 'http://127.0.0.1:3128/')
  assert.equal(parseProxyUrl('proxy.corp:3128')?.href, 'http://proxy.corp:3128/', 'a host:port is not a scheme')
  assert.equal(parseProxyUrl('https://proxy.corp')?.href, 'https://proxy.corp/')
  assert.equal(parseProxyUrl('http://'), undefined)
  assert.equal(proxyAuthorization(new URL('http://proxy:1')), undefined)
  assert.equal(proxyAuthorization(new URL('http://us%3Aer:p%40ss@proxy:1')), `Basic ${Buffer.from('us:er:p@ss').toString('base64')}`)
})

test("npm's proxy agent (beneath sigstore-js) is told to go around the proxy wherever these rules do", () => {
  const urls = ['https://fulcio.sigstore.dev', 'http://localhost:8080/rekor', 'http://sigstore.corp', 'https://tsa.corp:8443'].map(
    (u) => new URL(u)
  )
  // Loopback, and an http: URL when only HTTPS_PROXY is set (the agent would use it for http: too).
  assert.equal(noProxyForNpmAgent(urls, { HTTPS_PROXY: 'http://proxy:3128' }), 'localhost,sigstore.corp')
  // `host:port` and `.domain` entries, which the agent does not read as these rules do; the given entries are kept.
  assert.equal(
    noProxyForNpmAgent(urls, { HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://proxy:3128', NO_PROXY: 'tsa.corp:8443,.example' }),
    'tsa.corp:8443,.example,localhost,tsa.corp'
  )
  // `*`: every host goes around.
  assert.equal(
    noProxyForNpmAgent(urls, { https_proxy: 'http://proxy:3128', http_proxy: 'http://proxy:3128', no_proxy: '*' }),
    '*,fulcio.sigstore.dev,localhost,sigstore.corp,tsa.corp'
  )
})
