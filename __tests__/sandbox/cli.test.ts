import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { itOnPosix } from '../support/platform.js'

interface Running {
  line: Promise<string>
  exit: Promise<number | null>
  stderr: () => string
  kill: (signal: NodeJS.Signals) => void
}

function startCli(args: string[]): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  let err = ''
  child.stderr.on('data', c => (err += c))
  const line = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', c => {
      out += c
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')))
    })
    child.on('exit', code => reject(new Error(`cli exited ${code} before ready: ${err}`)))
  })
  const exit = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)))
  return { line, exit, stderr: () => err, kill: s => child.kill(s) }
}

describe('cli', () => {
  itOnPosix(
    'Node can only terminate a process on Windows, not send it a signal it handles',
    'prints one JSON line, seeds a demo workspace, and exits 0 on SIGTERM',
    async () => {
      const cli = startCli([])
      const ready = JSON.parse(await cli.line)
      expect(Object.keys(ready).sort()).toEqual(['key', 'login', 'url'])
      expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const login = await fetch(`${ready.url}/api/v2/workspace/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: ready.login, key: ready.key })
      })
      const { accessToken } = (await login.json()) as { accessToken: string }
      const headers = {
        token: accessToken,
        organization: ready.login,
        'content-type': 'application/json'
      }
      const cred = await fetch(`${ready.url}/api/v2/credential/demo`, { headers })
      expect(cred.status).toBe(200)
      const task = await fetch(`${ready.url}/api/v2/task`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ activityLabel: 'demo-bot' })
      })
      expect(task.status).toBe(200)
      // Control hooks are off unless asked for.
      expect((await fetch(`${ready.url}/_sandbox/state`)).status).toBe(404)
      expect(cli.stderr()).toContain('BOTCITY_SERVER=')
      expect(cli.stderr()).not.toContain(ready.key)
      cli.kill('SIGTERM')
      expect(await cli.exit).toBe(0)
    }
  )

  itOnPosix(
    'Node can only terminate a process on Windows, not send it a signal it handles',
    'takes flags: port, login, key, automations, credentials, data dir, control',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'))
      try {
        const cli = startCli([
          '--login',
          'team',
          '--key',
          'cli-key-1',
          '--automation',
          'a-bot',
          '--automation',
          'b-bot',
          '--credential',
          'erp/user=robo=t',
          '--data-dir',
          dir,
          '--control'
        ])
        const ready = JSON.parse(await cli.line)
        expect(ready).toMatchObject({ login: 'team', key: 'cli-key-1' })
        const { accessToken } = (await (
          await fetch(`${ready.url}/api/v2/workspace/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ login: 'team', key: 'cli-key-1' })
          })
        ).json()) as { accessToken: string }
        const headers = { token: accessToken, organization: 'team' }
        expect(
          await (await fetch(`${ready.url}/api/v2/credential/erp/key/user`, { headers })).text()
        ).toBe('robo=t')
        const state = (await (await fetch(`${ready.url}/_sandbox/state`)).json()) as {
          tasks: unknown[]
        }
        expect(state.tasks).toEqual([])
        const mk = (label: string) =>
          fetch(`${ready.url}/api/v2/task`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ activityLabel: label })
          })
        expect((await mk('b-bot')).status).toBe(200)
        expect((await mk('demo-bot')).status).toBe(404)
        cli.kill('SIGINT')
        expect(await cli.exit).toBe(0)
        // A caller-given data dir is kept.
        expect(existsSync(join(dir, 'files'))).toBe(true)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  )

  it('exits non-zero on a bad flag without echoing a credential value', async () => {
    const cli = startCli(['--credential', 'nolabel=s3cr3t-value'])
    await expect(cli.line).rejects.toThrow()
    expect(await cli.exit).toBe(2)
    expect(cli.stderr()).toContain('LABEL/KEY=VALUE')
    expect(cli.stderr()).not.toContain('s3cr3t-value')
  })
})
