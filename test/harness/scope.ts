// What a test file starts, it stops. A scope registers one before() hook that starts its servers,
// in the order they were named, and one after() hook that closes them, last started first, and
// removes its temp dirs. Called at the top of a file the hooks are the file's; called inside a
// describe() they are that suite's.
//
//   const scope = testScope()
//   const registry = scope.server(() => startRegistry())
//   const work = scope.tempDir('dr-push-')
//
// `registry` can be named at module level: it stands for the server that before() starts, and
// reading it before then throws, naming the mistake.
import { after, before } from 'node:test'
import { mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Closable {
  close(): Promise<void> | void
}

export interface TestScope {
  /** A server started by the scope's before() hook (after those named earlier) and closed after the tests. */
  server<T extends Closable>(start: () => Promise<T>): T
  /** Closes `thing` after the tests. */
  add<T extends Closable>(thing: T): T
  /** A fresh directory under the system temp dir, made now and removed after the tests. */
  tempDir(prefix: string): string
}

export function testScope(): TestScope {
  const starters: Array<() => Promise<void>> = []
  const closables: Closable[] = []
  const add = <T extends Closable>(thing: T): T => {
    closables.push(thing)
    return thing
  }
  before(async () => {
    // Node 20 runs a file's top-level before() hook as soon as it is registered; waiting a turn
    // lets the rest of the module name its servers first.
    await new Promise((resolve) => setImmediate(resolve))
    for (const start of starters) await start()
  })
  after(async () => {
    const errors: unknown[] = []
    for (const closable of closables.splice(0).reverse()) {
      try {
        await closable.close()
      } catch (error) {
        errors.push(error)
      }
    }
    if (errors.length > 0) throw errors[0]
  })
  return {
    add,
    server<T extends Closable>(start: () => Promise<T>): T {
      let started: T | undefined
      starters.push(async () => {
        started = add(await start())
      })
      const real = (property: PropertyKey): T => {
        if (started === undefined)
          throw new Error(`a test-scope server was used (.${String(property)}) before its before() hook started it`)
        return started
      }
      return new Proxy({} as T, {
        get(_, property) {
          const target = real(property)
          const value = Reflect.get(target, property, target)
          return typeof value === 'function' ? value.bind(target) : value
        },
        set: (_, property, value) => Reflect.set(real(property), property, value),
        has: (_, property) => Reflect.has(real(property), property)
      })
    },
    tempDir(prefix) {
      const dir = mkdtempSync(join(tmpdir(), prefix))
      add({ close: () => rm(dir, { recursive: true, force: true }) })
      return dir
    }
  }
}
