// Starts the Maestro sandbox as a process of its own (`src/sandbox/cli.ts` under tsx) on a free
// loopback port with its test hooks on, for the scripts that need a real server apart from their
// own process: the benchmarks (so its work is not counted as theirs) and the Windows smoke test.
import { spawn } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Resolves once the sandbox prints its first line (its address and credentials as JSON), with that
 * line's fields and the child process; rejects when it exits first.
 * @param {{ dataDir: string, automation: string }} options
 * @returns {Promise<{ url: string, login: string, key: string, child: import('node:child_process').ChildProcess }>}
 */
export async function startSandboxProcess({ dataDir, automation }) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/sandbox/cli.ts',
      '--port',
      '0',
      '--control',
      '--data-dir',
      dataDir,
      '--automation',
      automation
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
  )
  const lines = createInterface({ input: child.stdout })
  const first = await new Promise((ok, fail) => {
    lines.once('line', ok)
    child.once('exit', code => fail(new Error(`sandbox exited with ${code}`)))
  })
  return { ...JSON.parse(first), child }
}
