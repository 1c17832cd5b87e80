import { spawn, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { main, parseArgs, parseSecretsFile } from '../../src/runner/cli.js'
import { fixture, tempDir, workspaceCopy } from './helpers.js'
import { itOnPosix } from '../support/platform.js'

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/maestro-actions.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, NODE_OPTIONS: '' }
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('maestro-actions CLI', () => {
  test('exit code 0 when the job succeeds; secrets from a dotenv file are masked', () => {
    const dir = tempDir('runner-cli-')
    const secrets = join(dir, 'secrets.env')
    writeFileSync(secrets, '# test secrets\nAPI_KEY="sk-cli-secret-42"\nPEM="l1-aaa\nl2-bbb"\n')
    const r = cli(
      'run',
      fixture('masking.yml'),
      '--workspace',
      workspaceCopy(),
      '--secrets',
      secrets
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('secret: ***')
    expect(r.stdout).not.toContain('sk-cli-secret-42')
    expect(r.stdout).not.toContain('l2-bbb')
    expect(r.stdout).toMatch(/Job mask succeeded/)
    // Not a TTY: no colour codes.
    expect(r.stdout).not.toContain('\u001b[')
  })

  test('exit code 1 when the job fails', () => {
    const r = cli('run', fixture('conditions.yml'), '--workspace', workspaceCopy())
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/Job cond failed/)
  })

  test('exit code 2 with file:line when the workflow is refused; --job picks a job', () => {
    const refused = cli('run', fixture('unsupported.yml'), '--workspace', workspaceCopy())
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/unsupported\.yml:6: strategy\/matrix is not supported/)
    const picked = cli('run', fixture('two-jobs.yml'), '--job', 'second', '--var', 'A=1')
    expect(picked.code).toBe(0)
    expect(picked.stdout).toContain('second-job')
    const missing = cli('run', 'no/such/workflow.yml')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe(
      'The workflow is not valid:\n  no/such/workflow.yml: cannot read the workflow: no such file\n'
    )
    const bad = cli('run')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('which workflow?')
  })
})

describe('CLI extension point', () => {
  test('prepare() adds env and secrets before the run and cleans up after it', async () => {
    let printed = ''
    const calls: string[] = []
    const code = await main(['run', fixture('masking.yml'), '--workspace', workspaceCopy()], {
      prepare: async opts => {
        calls.push(`prepare ${opts.workflowPath.endsWith('masking.yml')}`)
        return {
          options: {
            secrets: { API_KEY: 'from-the-hook-123', PEM: 'p' },
            stdout: { write: (s: string) => (printed += s) }
          },
          cleanup: async () => {
            calls.push('cleanup')
          }
        }
      }
    })
    expect(code).toBe(0)
    expect(calls).toEqual(['prepare true', 'cleanup'])
    expect(printed).toContain('secret: ***')
    expect(printed).not.toContain('from-the-hook-123')
  })
})

describe('Ctrl-C', () => {
  itOnPosix(
    'Node can only terminate a process on Windows, not send it a signal it handles',
    'cancels the job: the running step ends, cancelled() steps run, exit code 1',
    async () => {
      const child = spawn(
        process.execPath,
        ['bin/maestro-actions.mjs', 'run', fixture('cancel.yml'), '--workspace', workspaceCopy()],
        { env: { ...process.env, NODE_OPTIONS: '' } }
      )
      let stdout = ''
      let stderr = ''
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      const code = await new Promise<number | null>(done => {
        child.stdout.on('data', (c: Buffer) => {
          stdout += c.toString()
          if (stdout.includes('  started') && !child.killed) child.kill('SIGINT')
        })
        child.on('close', c => done(c))
      })
      expect(code).toBe(1)
      expect(stderr).toContain('Cancelling the job')
      expect(stdout).toContain('cancelled-ran status=cancelled')
      expect(stdout).not.toContain('SHOULD-NOT-FINISH')
      expect(stdout).toMatch(/Job cancel was cancelled/)
    }
  )
})

describe('CLI arguments', () => {
  test('--var and --env repeat; --event sets github.event_name', () => {
    const opts = parseArgs([
      'run',
      'w.yml',
      '--var',
      'A=1',
      '--var',
      'B=x=y',
      '--env',
      'E=2',
      '--event',
      'push',
      '--input',
      'who=Ada',
      '--job',
      'j'
    ])
    expect(opts).toMatchObject({
      workflowPath: 'w.yml',
      jobId: 'j',
      vars: { A: '1', B: 'x=y' },
      env: { E: '2' },
      github: { event_name: 'push' },
      inputs: { who: 'Ada' }
    })
    expect(() => parseArgs(['run', 'w.yml', '--var', 'novalue'])).toThrow(
      '--var expects NAME=value'
    )
    expect(() => parseArgs(['run', 'w.yml', '--nope'])).toThrow('unknown option --nope')
    expect(parseArgs(['--help'])).toBe('help')
  })

  test('secrets files: dotenv with quotes, export and multi-line values, or JSON', () => {
    expect(
      parseSecretsFile(
        'export A=1\nB = "two words"\nC=\'multi\nline\'\nD=plain # comment\n',
        's.env'
      )
    ).toEqual({ A: '1', B: 'two words', C: 'multi\nline', D: 'plain' })
    expect(parseSecretsFile('{"A": "1", "N": 2}', 's.json')).toEqual({ A: '1', N: '2' })
    expect(() => parseSecretsFile('not a line', 's.env')).toThrow('s.env:1: expected NAME=value')
  })
})
