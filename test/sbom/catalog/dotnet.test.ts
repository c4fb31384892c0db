// .NET: <app>.deps.json as `dotnet publish` writes it next to the app's dll, framework-dependent and
// self-contained: only "package" libraries (from NuGet) are packages.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generateSbom } from '../../../src/sbom/index.js'
import { isDotnetDepsJson, parseDotnetDeps } from '../../../src/sbom/catalog/dotnet.js'
import { buildImage, type LayerEntrySpec } from '../../harness/layers.js'

const DIGEST = 'sha256:' + 'd'.repeat(64)

async function catalog(entries: LayerEntrySpec[]) {
  const built = await buildImage([entries])
  try {
    const image = { name: 'a', digest: DIGEST, config: { os: 'linux', architecture: 'amd64' }, layers: built.layers }
    return await generateSbom(image, built.openBlob, { created: '2024-05-01T12:00:00.123Z' })
  } finally {
    await built.cleanup()
  }
}

const nuget = (packages: Array<{ type: string; purl: string; locations: string[] }>) =>
  packages
    .filter((p) => p.type === 'nuget')
    .map((p) => [p.purl, p.locations] as const)
    .sort()

// `dotnet publish -c Release` of an ASP.NET Core 8 web API (framework-dependent), as the SDK writes it.
const WEB_API = `{
  "runtimeTarget": {
    "name": ".NETCoreApp,Version=v8.0",
    "signature": ""
  },
  "compilationOptions": {},
  "targets": {
    ".NETCoreApp,Version=v8.0": {
      "WebApi/1.0.0": {
        "dependencies": {
          "Newtonsoft.Json": "13.0.3",
          "Serilog.AspNetCore": "8.0.0",
          "WebApi.Domain": "1.0.0"
        },
        "runtime": {
          "WebApi.dll": {}
        }
      },
      "Newtonsoft.Json/13.0.3": {
        "runtime": {
          "lib/net6.0/Newtonsoft.Json.dll": {
            "assemblyVersion": "13.0.0.0",
            "fileVersion": "13.0.3.27908"
          }
        }
      },
      "Serilog/3.1.1": {
        "runtime": {
          "lib/net7.0/Serilog.dll": {
            "assemblyVersion": "2.0.0.0",
            "fileVersion": "3.1.1.0"
          }
        }
      },
      "Serilog.AspNetCore/8.0.0": {
        "dependencies": {
          "Serilog": "3.1.1"
        },
        "runtime": {
          "lib/net8.0/Serilog.AspNetCore.dll": {
            "assemblyVersion": "8.0.0.0",
            "fileVersion": "8.0.0.0"
          }
        }
      },
      "WebApi.Domain/1.0.0": {
        "runtime": {
          "WebApi.Domain.dll": {
            "assemblyVersion": "1.0.0",
            "fileVersion": "1.0.0.0"
          }
        }
      }
    }
  },
  "libraries": {
    "WebApi/1.0.0": {
      "type": "project",
      "serviceable": false,
      "sha512": ""
    },
    "Newtonsoft.Json/13.0.3": {
      "type": "package",
      "serviceable": true,
      "sha512": "sha512-HrC5BXdl00IP9zeV+0Z848QWPAoCr9P3bDEZguI+gkLcBKAOxix/tLEAAHC+UvDNPv4a2d18lOReHMOagPa+zQ==",
      "path": "newtonsoft.json/13.0.3",
      "hashPath": "newtonsoft.json.13.0.3.nupkg.sha512"
    },
    "Serilog/3.1.1": {
      "type": "package",
      "serviceable": true,
      "sha512": "sha512-P6G4/4Kt9bT635bhuwdXlJ2SCqqn2nhh4gqFqQueCOr9bK/e7W9ll/IoX1Ter948cV2Z/5+5v8pAfJYUISY03A==",
      "path": "serilog/3.1.1",
      "hashPath": "serilog.3.1.1.nupkg.sha512"
    },
    "Serilog.AspNetCore/8.0.0": {
      "type": "package",
      "serviceable": true,
      "sha512": "sha512-FAjtKPZ4IzqFQBqZKPv6evcXK/F0ls7RoXI/62Pnx2igkDZ6nZ/jn/C/FxVATqQbEQvtqP+KViWYIe4NZIHa2w==",
      "path": "serilog.aspnetcore/8.0.0",
      "hashPath": "serilog.aspnetcore.8.0.0.nupkg.sha512"
    },
    "WebApi.Domain/1.0.0": {
      "type": "project",
      "serviceable": false,
      "sha512": ""
    }
  }
}`

// A self-contained publish (-r linux-musl-x64 --self-contained): the runtime comes as a "runtimepack".
const WORKER = `\uFEFF{
  "runtimeTarget": {
    "name": ".NETCoreApp,Version=v8.0/linux-musl-x64",
    "signature": ""
  },
  "compilationOptions": {},
  "targets": {
    ".NETCoreApp,Version=v8.0": {},
    ".NETCoreApp,Version=v8.0/linux-musl-x64": {
      "Worker/2.3.0": {
        "dependencies": {
          "Microsoft.Extensions.Hosting": "8.0.0",
          "runtimepack.Microsoft.NETCore.App.Runtime.linux-musl-x64": "8.0.0"
        },
        "runtime": {
          "Worker.dll": {}
        }
      }
    }
  },
  "libraries": {
    "Worker/2.3.0": {
      "type": "project",
      "serviceable": false,
      "sha512": ""
    },
    "runtimepack.Microsoft.NETCore.App.Runtime.linux-musl-x64/8.0.0": {
      "type": "runtimepack",
      "serviceable": false,
      "sha512": ""
    },
    "Microsoft.Extensions.Hosting/8.0.0": {
      "type": "package",
      "serviceable": true,
      "sha512": "sha512-ItYHpdqVp5/oFLT5QqbopnkKlyFG9EW/9nhM6/yfObeKt6Su0wkBio6AizgRHGNwhJuAtlE5VIjow5JOTrip6w==",
      "path": "microsoft.extensions.hosting/8.0.0",
      "hashPath": "microsoft.extensions.hosting.8.0.0.nupkg.sha512"
    },
    "Newtonsoft.Json/13.0.3": {
      "type": "package",
      "serviceable": true,
      "sha512": "sha512-HrC5BXdl00IP9zeV+0Z848QWPAoCr9P3bDEZguI+gkLcBKAOxix/tLEAAHC+UvDNPv4a2d18lOReHMOagPa+zQ==",
      "path": "newtonsoft.json/13.0.3",
      "hashPath": "newtonsoft.json.13.0.3.nupkg.sha512"
    }
  }
}`

test('.NET: deps.json "package" libraries give pkg:nuget purls at each app; projects and runtime packs are not packages', async () => {
  // The app's dll is a PE file: the binary cataloger looks at it and finds nothing.
  const dll = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)])
  const { packages } = await catalog([
    { path: 'app/WebApi.deps.json', content: WEB_API },
    { path: 'app/WebApi.dll', content: dll },
    { path: 'app/WebApi.runtimeconfig.json', content: '{"runtimeOptions": {"tfm": "net8.0"}}' },
    { path: 'opt/worker/Worker.deps.json', content: WORKER }
  ])
  assert.deepEqual(nuget(packages), [
    ['pkg:nuget/Microsoft.Extensions.Hosting@8.0.0', ['opt/worker/Worker.deps.json']],
    ['pkg:nuget/Newtonsoft.Json@13.0.3', ['app/WebApi.deps.json', 'opt/worker/Worker.deps.json']],
    ['pkg:nuget/Serilog.AspNetCore@8.0.0', ['app/WebApi.deps.json']],
    ['pkg:nuget/Serilog@3.1.1', ['app/WebApi.deps.json']]
  ])
})

test('.NET: no libraries, malformed keys, and paths', () => {
  assert.equal(parseDotnetDeps(Buffer.from('{"runtimeTarget": {"name": ".NETCoreApp,Version=v8.0"}}')), undefined)
  assert.deepEqual(
    parseDotnetDeps(
      Buffer.from('{"libraries": {"NoVersion": {"type": "package"}, "A/": {"type": "package"}, "B/1.0.0-rc.1": {"type": "package"}}}')
    ),
    [{ name: 'B', version: '1.0.0-rc.1' }]
  )
  assert.equal(isDotnetDepsJson('app/My.App.deps.json'), true)
  assert.equal(isDotnetDepsJson('app/My.App.runtimeconfig.json'), false)
})
