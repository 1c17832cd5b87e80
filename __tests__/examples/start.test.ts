// `npm start`: the release example against a fresh sandbox, in seconds, exit code 0, and not one
// secret in what it prints.
import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '../../src/sandbox/index.js'
import { DEFAULT_EXAMPLE } from '../../src/runner/start.js'
import { EXAMPLES_DIR, KNOWN, exampleWorkspace, runCli, secretForms } from './support.js'

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }

describe('npm start', () => {
  test('is the CLI running the default example; the sandbox script stays', () => {
    expect(pkg.scripts.start).toBe(`node bin/maestro-actions.mjs run ${DEFAULT_EXAMPLE}`)
    expect(pkg.scripts.sandbox).toBe('tsx src/sandbox/cli.ts')
    // The bin runs the CLI with the sandbox hooks, i.e. the cliMain the next test runs.
    expect(readFileSync('bin/maestro-actions.mjs', 'utf8')).toContain(
      "const { cliMain } = await import('../src/runner/start.ts')"
    )
  })

  test('runs the release example green and prints no secret', async () => {
    const started = Date.now()
    const run = await runCli(['run', DEFAULT_EXAMPLE])
    expect(run.printed).toContain('Job release succeeded')
    expect(run.code).toBe(0)
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(run.printed).toContain('Maestro sandbox: a fresh local Maestro on 127.0.0.1 port')
    expect(run.printed).toContain('What landed in Maestro (the local sandbox)')
    expect(run.printed).toMatch(/release-pipeline: FINISHED SUCCESS/)
    expect(run.printed).toMatch(/Alerts\n {2}none/)
    for (const secret of [...secretForms(), KNOWN.signingKey.split('\n')[0]])
      expect(run.printed).not.toContain(secret)
  })

  test('the real command, as a user runs it', () => {
    const started = Date.now()
    const r = spawnSync(process.execPath, ['bin/maestro-actions.mjs', 'run', DEFAULT_EXAMPLE], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: undefined, NODE_OPTIONS: '' },
      timeout: 60_000
    })
    const seconds = (Date.now() - started) / 1000
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('Job release succeeded')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/#\d+ release-1\S* .*on task #1: [\d,.]+ (kB|bytes)/)
    // The random demo token starts with demo-token-, the random login with demo-: both masked.
    expect(r.stdout).not.toMatch(/demo-token-|demo-[0-9a-f]{6}\b/)
    expect(seconds).toBeLessThan(30)
  })
})

describe('maestro-actions run --server', () => {
  test('runs against the Maestro named, with the login and key from --secrets, and starts no sandbox', async () => {
    // A sandbox started on its own stands in for a real Maestro here.
    const maestro = await startSandbox({
      port: 0,
      control: true, // only so this test can read what landed
      login: 'acme-rpa',
      key: KNOWN.key,
      automations: ['release-pipeline'],
      credentials: {
        'deploy-credentials': { 'api-token': KNOWN.token, 'signing-key': KNOWN.signingKey }
      }
    })
    try {
      const dir = mkdtempSync(join(tmpdir(), 'server-secrets-'))
      const secrets = join(dir, '.secrets.env')
      writeFileSync(secrets, `BOTCITY_LOGIN=acme-rpa\nBOTCITY_KEY=${KNOWN.key}\n`)
      let started = false
      const run = await runCli(
        [
          'run',
          join(EXAMPLES_DIR, 'release-with-maestro.yml'),
          '--workspace',
          exampleWorkspace(),
          '--secrets',
          secrets,
          '--server',
          maestro.url
        ],
        { onReport: () => (started = true) }
      )
      expect(run.printed).toContain('Job release succeeded')
      expect(run.code).toBe(0)
      expect(started).toBe(true)
      expect(run.printed).not.toContain('Maestro sandbox: a fresh local Maestro')
      expect(run.printed).toContain('Maestro: the server given with --server')
      // What landed is on that server.
      const state = (await (await fetch(`${maestro.url}/_sandbox/state`)).json()) as {
        tasks: { state: string; finishStatus: string }[]
        artifacts: unknown[]
      }
      expect(state.tasks).toEqual([
        expect.objectContaining({ state: 'FINISHED', finishStatus: 'SUCCESS' })
      ])
      expect(state.artifacts).toHaveLength(1)
      for (const secret of secretForms()) expect(run.printed).not.toContain(secret)
      rmSync(dir, { recursive: true, force: true })
    } finally {
      await maestro.close()
    }
  })
})
