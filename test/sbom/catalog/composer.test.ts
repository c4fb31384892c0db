// PHP: vendor/composer/installed.json as Composer 2 writes it (an object with "packages" and the dev
// package names) and as Composer 1 did (the array alone), excerpts of real installs.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generateSbom } from '../../../src/sbom/index.js'
import { isComposerInstalledJson, parseComposerInstalled } from '../../../src/sbom/catalog/composer.js'
import { buildImage, type LayerEntrySpec } from '../../harness/layers.js'

const DIGEST = 'sha256:' + 'f'.repeat(64)

async function catalog(entries: LayerEntrySpec[]) {
  const built = await buildImage([entries])
  try {
    const image = { name: 'a', digest: DIGEST, config: { os: 'linux', architecture: 'amd64' }, layers: built.layers }
    return await generateSbom(image, built.openBlob, { created: '2024-05-01T12:00:00.123Z' })
  } finally {
    await built.cleanup()
  }
}

const composer = (packages: Array<{ type: string; purl: string; declaredLicense?: string; locations: string[] }>) =>
  packages
    .filter((p) => p.type === 'composer')
    .map((p) => [p.purl, p.declaredLicense ?? null, p.locations] as const)
    .sort()

// Composer 2.6 (`composer install` in a php:8.2 image): JSON_PRETTY_PRINT with 4 spaces, unescaped slashes.
const COMPOSER_2 = `{
    "packages": [
        {
            "name": "monolog/monolog",
            "version": "3.5.0",
            "version_normalized": "3.5.0.0",
            "source": {
                "type": "git",
                "url": "https://github.com/Seldaek/monolog.git",
                "reference": "c915e2634718dbc8a4a15c61b0e62e7a44e14448"
            },
            "dist": {
                "type": "zip",
                "url": "https://api.github.com/repos/Seldaek/monolog/zipball/c915e2634718dbc8a4a15c61b0e62e7a44e14448",
                "reference": "c915e2634718dbc8a4a15c61b0e62e7a44e14448",
                "shasum": ""
            },
            "require": {
                "php": ">=8.1",
                "psr/log": "^2.0 || ^3.0"
            },
            "provide": {
                "psr/log-implementation": "3.0.0"
            },
            "time": "2023-10-27T15:32:31+00:00",
            "type": "library",
            "installation-source": "dist",
            "autoload": {
                "psr-4": {
                    "Monolog\\\\": "src/Monolog"
                }
            },
            "notification-url": "https://packagist.org/downloads/",
            "license": [
                "MIT"
            ],
            "authors": [
                {
                    "name": "Jordi Boggiano",
                    "email": "j.boggiano@seld.be",
                    "homepage": "https://seld.be"
                }
            ],
            "description": "Sends your logs to files, sockets, inboxes, databases and various web services",
            "homepage": "https://github.com/Seldaek/monolog",
            "keywords": [
                "log",
                "logging",
                "psr-3"
            ],
            "install-path": "../monolog/monolog"
        },
        {
            "name": "psr/log",
            "version": "3.0.0",
            "version_normalized": "3.0.0.0",
            "require": {
                "php": ">=8.0.0"
            },
            "time": "2021-07-14T16:46:02+00:00",
            "type": "library",
            "installation-source": "dist",
            "notification-url": "https://packagist.org/downloads/",
            "license": [
                "MIT"
            ],
            "description": "Common interface for logging libraries",
            "install-path": "../psr/log"
        },
        {
            "name": "symfony/console",
            "version": "v6.4.1",
            "version_normalized": "6.4.1.0",
            "type": "library",
            "license": [
                "MIT"
            ],
            "description": "Eases the creation of beautiful and testable command line interfaces",
            "install-path": "../symfony/console"
        },
        {
            "name": "ezyang/htmlpurifier",
            "version": "v4.17.0",
            "version_normalized": "4.17.0.0",
            "type": "library",
            "license": [
                "LGPL-2.1-or-later"
            ],
            "description": "Standards compliant HTML filter written in PHP",
            "install-path": "../ezyang/htmlpurifier"
        },
        {
            "name": "acme/internal-tools",
            "version": "dev-main",
            "version_normalized": "dev-main",
            "type": "library",
            "license": [
                "proprietary"
            ],
            "install-path": "../acme/internal-tools"
        },
        {
            "name": "phpunit/phpunit",
            "version": "10.5.2",
            "version_normalized": "10.5.2.0",
            "type": "library",
            "license": [
                "BSD-3-Clause"
            ],
            "description": "The PHP Unit Testing framework.",
            "install-path": "../phpunit/phpunit"
        }
    ],
    "dev": true,
    "dev-package-names": [
        "phpunit/phpunit"
    ]
}
`

// Composer 1.10: the package array alone; "license" was at times a string in old packages' composer.json.
const COMPOSER_1 = `[
    {
        "name": "guzzlehttp/guzzle",
        "version": "6.5.5",
        "version_normalized": "6.5.5.0",
        "type": "library",
        "installation-source": "dist",
        "license": [
            "MIT"
        ],
        "description": "Guzzle is a PHP HTTP client library"
    },
    {
        "name": "pear/console_getopt",
        "version": "v1.4.3",
        "version_normalized": "1.4.3.0",
        "type": "library",
        "license": "BSD-2-Clause",
        "description": "More info available on: http://pear.php.net/package/Console_Getopt"
    },
    {
        "name": "wikimedia/composer-merge-plugin",
        "version": "v1.4.1",
        "type": "composer-plugin",
        "license": [
            "MIT",
            "GPL-2.0-or-later"
        ]
    }
]
`

test('Composer: installed.json of Composer 2 and Composer 1 give pkg:composer/<vendor>/<name> purls with their licenses', async () => {
  const { packages } = await catalog([
    { path: 'var/www/html/vendor/composer/installed.json', content: COMPOSER_2 },
    { path: 'srv/legacy/vendor/composer/installed.json', content: COMPOSER_1 },
    // Composer's own metadata next to it and a package's composer.json are not lists of installed packages.
    { path: 'var/www/html/vendor/composer/installed.php', content: "<?php return array('root' => array());\n" },
    { path: 'var/www/html/composer.json', content: '{"require": {"monolog/monolog": "^3.5"}}' }
  ])
  const app = ['var/www/html/vendor/composer/installed.json']
  const legacy = ['srv/legacy/vendor/composer/installed.json']
  assert.deepEqual(composer(packages), [
    ['pkg:composer/acme/internal-tools@dev-main', 'proprietary', app],
    ['pkg:composer/ezyang/htmlpurifier@v4.17.0', 'LGPL-2.1-or-later', app],
    ['pkg:composer/guzzlehttp/guzzle@6.5.5', 'MIT', legacy],
    ['pkg:composer/monolog/monolog@3.5.0', 'MIT', app],
    ['pkg:composer/pear/console_getopt@v1.4.3', 'BSD-2-Clause', legacy],
    ['pkg:composer/phpunit/phpunit@10.5.2', 'BSD-3-Clause', app],
    ['pkg:composer/psr/log@3.0.0', 'MIT', app],
    ['pkg:composer/symfony/console@v6.4.1', 'MIT', app],
    ['pkg:composer/wikimedia/composer-merge-plugin@v1.4.1', '(MIT OR GPL-2.0-or-later)', legacy]
  ])
  assert.equal(
    packages.find((p) => p.name === 'monolog/monolog')?.description,
    'Sends your logs to files, sockets, inboxes, databases and various web services'
  )
})

test('Composer: an empty install, entries without a vendor or version, and a file that is not JSON', async () => {
  assert.equal(parseComposerInstalled(Buffer.from('{"packages": [], "dev": true, "dev-package-names": []}')), undefined)
  assert.deepEqual(
    parseComposerInstalled(Buffer.from('[{"name": "novendor", "version": "1"}, {"name": "a/b"}, {"name": "a/b", "version": "2"}]')),
    [{ name: 'a/b', version: '2', licenses: [], description: undefined }]
  )
  assert.equal(isComposerInstalledJson('app/vendor/composer/installed.json'), true)
  assert.equal(isComposerInstalledJson('app/vendor/monolog/monolog/composer.json'), false)
  const { packages, skipped } = await catalog([{ path: 'app/vendor/composer/installed.json', content: '<?php oops' }])
  assert.deepEqual(composer(packages), [])
  assert.equal(skipped.length, 1)
  assert.match(skipped[0].reason, /cannot parse/)
})
