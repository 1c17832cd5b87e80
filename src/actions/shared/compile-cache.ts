// Node >= 22.1 can keep V8's compiled code on disk. A job's later steps (same RUNNER_TEMP) then skip
// most of the parsing and compiling of the bundle. A cache never changes behaviour: Node checks each
// entry against the source's hash and compiles afresh on any mismatch or I/O problem.
import module from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

type Enable = (directory?: string) => unknown

/** The cache folder: the job's temp folder when running in a job (emptied with the job). */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.RUNNER_TEMP || tmpdir()
  // Per user outside a job: another account must not share (or pre-create) it.
  const user = env.RUNNER_TEMP ? '' : `-${process.getuid?.() ?? 'user'}`
  return join(base, `maestro-actions-compile-cache${user}`)
}

/** Turns the cache on for every module loaded after this call; a no-op before Node 22.1. */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  const enable = (module as unknown as { enableCompileCache?: Enable }).enableCompileCache
  if (typeof enable !== 'function') return
  try {
    enable(compileCacheDir(env))
  } catch {
    // Only speed is at stake.
  }
}
