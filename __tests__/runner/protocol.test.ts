import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parseKeyValueFile, parseWorkflowCommand } from '../../src/runner/commands.js'
import { Display } from '../../src/runner/display.js'
import { MASK, SecretMasker } from '../../src/runner/masker.js'
import { KILL_GRACE_MS, runNodeAction, runStepProcess } from '../../src/runner/protocol.js'
import { runtimeNote, runWorkflow } from '../../src/runner/run.js'
import { tempDir, workspaceCopy } from './helpers.js'
import { itOnPosix } from '../support/platform.js'

describe('runNodeAction', () => {
  test('runs an action on its own and returns what it said through every channel', async () => {
    const workspace = workspaceCopy()
    const r = await runNodeAction({
      actionDir: join(workspace, 'actions/probe'),
      inputs: { name: 'Ada', secret: 's3cr3t' },
      env: { PATH: process.env.PATH ?? '', GITHUB_REPOSITORY: 'o/r' },
      workspace,
      state: { from_pre: 'given' },
      evaluateDefault: text =>
        text.replace('${{ github.repository }}', 'o/r').replace('${{ runner.os }}', 'Linux')
    })
    expect(r.exitCode).toBe(0)
    expect(r.inputs).toMatchObject({
      name: 'Ada',
      greeting: 'Hello from o/r on Linux',
      fail: 'false'
    })
    expect(r.outputs).toEqual({
      greeting: 'Hello from o/r on Linux, Ada!',
      multi: 'line one\nline two'
    })
    expect(r.env).toEqual({ PROBE_EXPORTED: 'from-the-action' })
    expect(r.state).toEqual({ saved: 'Ada' })
    expect(r.summary).toBe('### Probe\nHello from o/r on Linux, Ada!\n')
    expect(r.masks).toEqual(['s3cr3t'])
    expect(r.commands.map(c => c.command)).toEqual(['add-mask', 'notice'])
    expect(r.stdout).toContain('state seen by main: given')
    expect(r.warnings).toEqual([])
  })

  test('post stage gets STATE_*; a missing stage is an error', async () => {
    const workspace = workspaceCopy()
    const post = await runNodeAction({
      actionDir: join(workspace, 'actions/probe'),
      workspace,
      stage: 'post',
      state: { saved: 'x', from_pre: 'y' }
    })
    expect(post.stdout).toBe('post: saved=x from_pre=y\n')
    await expect(runNodeAction({ actionDir: workspace, workspace, stage: 'post' })).rejects.toThrow(
      'the action has no runs.post'
    )
  })
})

describe('runStepProcess', () => {
  test('stop-commands suspends command processing until its token; files are per call', async () => {
    const seen: string[] = []
    const script = [
      'echo "::stop-commands::pause-token"',
      'echo "::add-mask::not-a-mask"',
      'echo "::pause-token::"',
      'echo "::add-mask::real-mask"',
      'echo "x=1" >> "$GITHUB_OUTPUT"',
      'printf "no newline at the end"'
    ].join('\n')
    const r = await runStepProcess({
      command: 'bash',
      args: ['-c', script],
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '' },
      onEvent: e => seen.push(e.type === 'line' ? `line:${e.text}` : `command:${e.command.command}`)
    })
    expect(r.masks).toEqual(['real-mask'])
    expect(r.outputs).toEqual({ x: '1' })
    expect(seen).toEqual([
      'command:stop-commands',
      'line:::add-mask::not-a-mask',
      'command:add-mask',
      'line:no newline at the end'
    ])
  })
})

describe('command parsers', () => {
  test('workflow commands with properties and escapes', () => {
    expect(
      parseWorkflowCommand('::error file=a%2Cb.ts,line=3,title=T%3A1::bad%0Anews 100%25')
    ).toEqual({
      command: 'error',
      properties: { file: 'a,b.ts', line: '3', title: 'T:1' },
      message: 'bad\nnews 100%'
    })
    expect(parseWorkflowCommand('  ::group::Title')).toEqual({
      command: 'group',
      properties: {},
      message: 'Title'
    })
    expect(parseWorkflowCommand('echo ::error::not at start')).toBeUndefined()
    expect(parseWorkflowCommand('::no end')).toBeUndefined()
  })

  test('key-value files: name=value, heredocs, errors like the runner', () => {
    const m = parseKeyValueFile('A=1\r\nB=x=y\nC<<EOF\nl1\n\nl3\nEOF\nA=2\n', 'GITHUB_OUTPUT')
    expect(Object.fromEntries(m)).toEqual({ A: '2', B: 'x=y', C: 'l1\n\nl3' })
    expect(() => parseKeyValueFile('C<<EOF\nnever closed\n', 'GITHUB_ENV')).toThrow(
      "GITHUB_ENV: matching delimiter not found 'EOF' for 'C'"
    )
    expect(() => parseKeyValueFile('justtext\n', 'GITHUB_ENV')).toThrow("invalid format 'justtext'")
    expect(() => parseKeyValueFile('=v\n', 'GITHUB_ENV')).toThrow('name must not be empty')
  })
})

describe('masking and display', () => {
  test('longest value first; multi-line values line by line', () => {
    const m = new SecretMasker()
    m.add('abc')
    m.add('abcdef')
    m.add('one\ntwo\r\nthree')
    expect(m.mask('abcdef abc one two three')).toBe('*** *** *** *** ***')
    m.add('')
    m.add('   ')
    expect(m.mask('a  b')).toBe('a  b')
  })

  test('encoded forms are masked too: base64 at any alignment, JSON, URI, XML', () => {
    const secret = 'p@ss "w0rd"/é'
    const m = new SecretMasker()
    m.add(secret)
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const b64 = Buffer.from(`${prefix}${secret}and more after`).toString('base64')
      expect(m.mask(b64)).toContain(MASK)
      expect(m.mask(b64)).not.toBe(b64)
    }
    expect(m.mask(JSON.stringify({ secret }))).toBe('{"secret":"***"}')
    expect(m.mask(`https://x/?q=${encodeURIComponent(secret)}`)).toBe('https://x/?q=***')
    expect(m.mask('<v>p@ss &quot;w0rd&quot;/é</v>')).toBe('<v>***</v>')
    const short = new SecretMasker()
    short.add('a')
    expect(short.mask('Y a b')).toBe('Y *** b')
    const quoted = new SecretMasker()
    quoted.add('"inner-value"')
    expect(quoted.mask('inner-value')).toBe('***')
  })

  test('colour only on a TTY; plain text otherwise; groups indent', () => {
    const plain = {
      text: '',
      write(s: string) {
        this.text += s
      }
    }
    const d = new Display({ sink: plain, masker: new SecretMasker() })
    d.stepStart('Step')
    d.command({ command: 'group', properties: {}, message: 'G' }, '::group::G')
    d.output('inside')
    d.command({ command: 'endgroup', properties: {}, message: '' }, '::endgroup::')
    d.command(
      { command: 'add-matcher', properties: {}, message: 'm.json' },
      '::add-matcher::m.json'
    )
    d.command({ command: 'made-up', properties: {}, message: 'x' }, '::made-up::x')
    d.annotation('error', 'boom')
    d.stepEnd('Step', 'success', 'success', 210)
    expect(plain.text).toBe(
      '▶ Step\n  ▾ G\n    inside\n  ::made-up::x\n  Error: boom\n✓ Step (0.21 s)\n'
    )
    const tty = {
      text: '',
      isTTY: true,
      write(s: string) {
        this.text += s
      }
    }
    const saved = process.env.NO_COLOR
    delete process.env.NO_COLOR
    try {
      new Display({ sink: tty, masker: new SecretMasker() }).stepEnd('S', 'failure', 'failure', 1)
      expect(tty.text).toContain('\u001b[31m✗\u001b[39m')
      process.env.NO_COLOR = '1'
      const noColor = {
        text: '',
        isTTY: true,
        write(s: string) {
          this.text += s
        }
      }
      new Display({ sink: noColor, masker: new SecretMasker() }).stepEnd(
        'S',
        'failure',
        'failure',
        1
      )
      expect(noColor.text).toBe('✗ S (0.00 s)\n')
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR
      else process.env.NO_COLOR = saved
    }
  })
})

describe('ending a step', () => {
  itOnPosix(
    'a process cannot ignore SIGTERM there: Node terminates it outright',
    'a process that ignores SIGTERM is killed after the grace period',
    async () => {
      const t0 = Date.now()
      const r = await runStepProcess({
        command: 'bash',
        args: ['-c', 'trap "echo got-term" TERM; echo ready; while true; do sleep 0.1; done'],
        cwd: process.cwd(),
        env: { PATH: process.env.PATH ?? '' },
        timeoutMs: 300
      })
      expect(r.timedOut).toBe(true)
      expect(r.exitCode).not.toBe(0)
      expect(r.stdout).toContain('ready')
      expect(Date.now() - t0).toBeGreaterThanOrEqual(300)
      expect(Date.now() - t0).toBeLessThan(300 + KILL_GRACE_MS + 3000)
    },
    20_000
  )
})

describe('runtime note', () => {
  test('only when the action asks for a newer Node than the default one', () => {
    expect(runtimeNote('node99', undefined)).toBe(
      `The action asks for node99; it runs with Node ${process.versions.node} (choose another with --node / nodePath).`
    )
    expect(runtimeNote('node20', undefined)).toBeUndefined()
    expect(runtimeNote('node99', '/opt/node99/bin/node')).toBeUndefined()
  })

  test('printed once per run, not before every step', async () => {
    const workspace = tempDir('runner-note-')
    mkdirSync(join(workspace, 'act'))
    writeFileSync(
      join(workspace, 'act/action.yml'),
      'name: new\ndescription: d\nruns:\n  using: node24\n  main: main.mjs\n'
    )
    writeFileSync(join(workspace, 'act/main.mjs'), "console.log('ran')\n")
    const steps = '      - uses: ./act\n'.repeat(3)
    writeFileSync(
      join(workspace, 'wf.yml'),
      `on: workflow_dispatch\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`
    )
    let printed = ''
    const run = await runWorkflow({
      workflowPath: join(workspace, 'wf.yml'),
      workspace,
      stdout: { write: (s: string) => (printed += s) }
    })
    expect(run.result).toBe('success')
    expect(printed.split('ran\n').length).toBe(4)
    // Under Node 24 itself there is no note at all.
    const shown = runtimeNote('node24', undefined) === undefined ? 0 : 1
    expect(printed.split('The action asks for node24').length).toBe(1 + shown)
  }, 20_000)
})
