import { describe, expect, it } from '@jest/globals'
import { realpathSync } from 'node:fs'
import { join } from 'node:path'
import {
  FIXTURES_DIR,
  commandsOf,
  expectNoLeaks,
  findLeaks,
  inputEnvName,
  parseCommandLine,
  parseCommands,
  parseFileCommand,
  runStep,
  runSteps
} from './runner.js'
import { itOnPosix } from './platform.js'

const echo = join(FIXTURES_DIR, 'echo-action')

describe('parsing workflow commands', () => {
  it('decodes data and properties with the runner rules', () => {
    expect(
      parseCommandLine('::warning file=a%3Ab.ts,title=x%2Cy%25z::one%0Atwo%25 %3A', 4)
    ).toEqual({
      command: 'warning',
      properties: { file: 'a:b.ts', title: 'x,y%z' },
      data: 'one\ntwo% %3A',
      line: 4
    })
    expect(parseCommandLine('::add-mask::%250A')?.data).toBe('%0A')
    expect(parseCommandLine('  ::debug::indented')?.data).toBe('indented')
    expect(parseCommandLine('text ::debug::x')).toBeUndefined()
    expect(parseCommandLine('::no end')).toBeUndefined()
    expect(parseCommandLine('::endgroup::')).toMatchObject({ command: 'endgroup', data: '' })
  })
  it('honours stop-commands', () => {
    const cmds = parseCommands('::stop-commands::tok\n::error::hidden\n::tok::\n::error::shown\n')
    expect(cmds.map(c => [c.command, c.data])).toEqual([['error', 'shown']])
  })
})

describe('parsing file commands', () => {
  it('name=value and heredocs, CRLF tolerated, last one wins', () => {
    const r = parseFileCommand('a=1\r\nb<<EOF\r\nx\r\ny=z\r\nEOF\r\na=2\n\nc=\nd<<E\nE\n')
    expect(r.values).toEqual({ a: '2', b: 'x\ny=z', c: '', d: '' })
    expect(r.entries.map(([k]) => k)).toEqual(['a', 'b', 'a', 'c', 'd'])
    expect(r.errors).toEqual([])
  })
  it('a heredoc ends only at a line equal to its delimiter', () => {
    expect(parseFileCommand('k<<EOF\nEOFX\n EOF\nEOF\n').values).toEqual({ k: 'EOFX\n EOF' })
  })
  it('an = before << makes a plain value', () => {
    expect(parseFileCommand('x=a<<b\n').values).toEqual({ x: 'a<<b' })
  })
  it('reports malformed lines', () => {
    expect(parseFileCommand('=v\nnovalue\nk<<END\nnever closed\n').errors).toEqual([
      'line 1: empty name',
      'line 2: invalid format',
      "matching delimiter not found for 'k'"
    ])
  })
  it('input names: spaces to _, upper case, hyphens kept', () => {
    expect(inputEnvName('with space')).toBe('INPUT_WITH_SPACE')
    expect(inputEnvName('access-key')).toBe('INPUT_ACCESS-KEY')
  })
})

describe('runStep on the echo fixture (node built-ins only)', () => {
  it('passes inputs, defaults and the runner environment', async () => {
    const r = await runStep({
      actionDir: echo,
      inputs: { 'dash-name': 'given' },
      env: { EXTRA: 'e' }
    })
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.outputs.inputs)).toEqual({
      'INPUT_DASH-NAME': 'given',
      INPUT_EXPR: '',
      INPUT_MODE: 'normal',
      INPUT_NUMBER: '60',
      INPUT_WITH_SPACE: 'spaced'
    })
    const ctx = JSON.parse(r.outputs.context)
    expect(realpathSync(ctx.cwd)).toBe(realpathSync(r.dirs.workspace))
    expect(ctx.workspace).toBe(r.dirs.workspace)
    expect(ctx.extra).toBe('e')
    expect(r.childEnv).toMatchObject({ GITHUB_ACTIONS: 'true', CI: 'true', RUNNER_OS: 'Linux' })
    expect(r.childEnv.NODE_OPTIONS).toBeUndefined()
    expect(r.unexpectedInputs).toEqual([])
    expect(r.durationMs).toBeGreaterThan(0)
  })
  it('a ${{ }} default is left to a passed-in value; undeclared inputs are passed and reported', async () => {
    const r = await runStep({ actionDir: echo, inputs: { expr: 'tok', extra: 'x' } })
    const inputs = JSON.parse(r.outputs.inputs)
    expect(inputs.INPUT_EXPR).toBe('tok')
    expect(inputs.INPUT_EXTRA).toBe('x')
    expect(r.unexpectedInputs).toEqual(['extra'])
  })
  it('reads outputs, env, state, summary and path files', async () => {
    const r = await runStep({ actionDir: echo })
    expect(r.outputs.simple).toBe('value=with=equals')
    expect(r.outputs.multi).toBe('line one\nline two\n  indented')
    expect(r.env).toEqual({ ECHO_CARRY: 'x', ECHO_MULTI: 'a\nb' })
    expect(r.state).toEqual({ started: 'yes' })
    expect(r.summary).toBe('### Echo\n\n| a | b |\n')
    expect(r.path).toEqual(['/opt/echo/bin'])
    expect(r.fileErrors).toEqual([])
  })
  it('decodes the commands on stdout', async () => {
    const r = await runStep({ actionDir: echo })
    expect(r.commands.map(c => c.command)).toEqual([
      'debug',
      'notice',
      'warning',
      'group',
      'endgroup'
    ])
    expect(commandsOf(r, 'debug')[0].data).toBe('debug 100% done\nsecond line')
    expect(commandsOf(r, 'notice')[0]).toMatchObject({
      properties: { title: 'A: b, c', file: 'src/x.ts', line: '3' },
      data: 'notice text'
    })
    expect(commandsOf(r, 'warning')[0].data).toBe('percent %0A stays literal')
    expect(commandsOf(r, 'error')).toEqual([])
  })
  it('exit code and error annotation of a failing action', async () => {
    const r = await runStep({ actionDir: echo, inputs: { mode: 'fail' } })
    expect(r.exitCode).toBe(1)
    expect(commandsOf(r, 'error').map(c => [c.properties.title, c.data])).toEqual([
      ['Echo failed', 'it failed']
    ])
  })
  it('kills a hanging action at the timeout', async () => {
    const r = await runStep({ actionDir: echo, inputs: { mode: 'hang' }, timeoutMs: 1500 })
    expect(r.timedOut).toBe(true)
    expect(r.signal).toBe('SIGKILL')
  })
  it('uses the node binary it is given, and RUNNER_DEBUG on request', async () => {
    const r = await runStep({ actionDir: echo, node: process.execPath, debug: true })
    expect(r.exitCode).toBe(0)
    expect(r.childEnv.RUNNER_DEBUG).toBe('1')
    await expect(runStep({ actionDir: echo, node: '/nonexistent/node' })).rejects.toThrow(/ENOENT/)
  })
  it('runs the post stage with state', async () => {
    const r = await runStep({ actionDir: echo, stage: 'post', state: { started: 'yes' } })
    expect(r.outputs).toEqual({ post: 'yes' })
  })
})

describe('runSteps', () => {
  it('carries GITHUB_ENV and GITHUB_PATH into later steps, shares the workspace, feeds post state', async () => {
    const [one, two, post] = await runSteps([
      { actionDir: echo },
      { actionDir: echo },
      { actionDir: echo, postOf: 0 }
    ])
    expect(JSON.parse(one.outputs.context).carried).toBeNull()
    const ctx2 = JSON.parse(two.outputs.context)
    expect(ctx2.carried).toBe('x')
    expect(two.env.ECHO_CARRY).toBe('xx')
    expect(ctx2.pathHead).toBe('/opt/echo/bin')
    expect(two.dirs.workspace).toBe(one.dirs.workspace)
    expect(post.outputs.post).toBe('yes')
  })
})

describe('mask checks', () => {
  const secret = 'alpha-one\nbravo-two'
  it('a well-behaved run has no leaks, and records the masks', async () => {
    const r = await runStep({ actionDir: echo, inputs: { secret } })
    expect(r.masks).toEqual([secret, 'alpha-one', 'bravo-two'])
    expect(findLeaks(r)).toEqual([])
    expect(() => expectNoLeaks(r)).not.toThrow()
  })
  it('a secret printed after its mask', async () => {
    const r = await runStep({ actionDir: echo, inputs: { secret: 'hunter22', mode: 'leak' } })
    expect(findLeaks(r)).toEqual([
      { place: 'stdout', where: expect.any(String), mask: 0, kind: 'after-mask' }
    ])
    expect(() => expectNoLeaks(r)).toThrow(/mask #0 appears in stdout line \d+ in clear/)
    expect(() => expectNoLeaks(r)).not.toThrow(/hunter22/)
  })
  it('a secret printed before its mask', async () => {
    const r = await runStep({
      actionDir: echo,
      inputs: { secret: 'hunter22', mode: 'leak-before' }
    })
    expect(findLeaks(r)).toEqual([{ place: 'stdout', where: '1', mask: 0, kind: 'before-mask' }])
  })
  it('a multi-line secret inside an escaped command', async () => {
    const r = await runStep({ actionDir: echo, inputs: { secret, mode: 'leak-command' } })
    const leaks = findLeaks(r)
    expect(leaks.map(l => l.mask).sort()).toEqual([0, 1, 2])
    expect(new Set(leaks.map(l => l.place))).toEqual(new Set(['stdout']))
  })
  it('stderr, outputs and summary; files can be allowed', async () => {
    expect(
      findLeaks(
        await runStep({ actionDir: echo, inputs: { secret: 'hunter22', mode: 'leak-stderr' } })
      )
    ).toEqual([{ place: 'stderr', where: '1', mask: 0, kind: 'after-mask' }])
    const out = await runStep({
      actionDir: echo,
      inputs: { secret: 'hunter22', mode: 'leak-output' }
    })
    expect(findLeaks(out)).toEqual([{ place: 'outputs', where: 'value', mask: 0, kind: 'in-file' }])
    expect(findLeaks(out, { allow: { outputs: ['value'] } })).toEqual([])
    expect(findLeaks(out, { allow: { outputs: ['other'] } })).toHaveLength(1)
    const sum = await runStep({
      actionDir: echo,
      inputs: { secret: 'hunter22', mode: 'leak-summary' }
    })
    expect(findLeaks(sum)).toEqual([
      { place: 'summary', where: 'GITHUB_STEP_SUMMARY', mask: 0, kind: 'in-file' }
    ])
    expect(findLeaks(sum, { allow: { summary: true } })).toEqual([])
  })

  it('known secrets: found masked or not, in escaped forms, and each line must be masked in time', async () => {
    const quoted = 'say "hi" \\ there'
    const r = await runStep({ actionDir: echo, inputs: { 'dash-name': quoted } })
    // The echo action writes every other input into the `inputs` output as JSON, escaped.
    expect(findLeaks(r)).toEqual([])
    expect(findLeaks(r, { secrets: [quoted] })).toEqual([
      { place: 'outputs', where: 'inputs', mask: -1, secret: 0, kind: 'in-file' }
    ])
    expect(findLeaks(r, { secrets: [quoted], allow: { outputs: ['inputs'] } })).toEqual([])
    const unmasked = findLeaks(r, {
      secrets: [quoted, 'never\nseen'],
      mustMask: ['never\nseen'],
      allow: { outputs: true }
    })
    expect(unmasked).toEqual([
      { place: 'masks', where: 'line 1', mask: -1, secret: 1, kind: 'unmasked-line' },
      { place: 'masks', where: 'line 2', mask: -1, secret: 1, kind: 'unmasked-line' }
    ])
    expect(() => expectNoLeaks(r, { secrets: ['never\nseen'], mustMask: ['never\nseen'] })).toThrow(
      /secret #0: line 1 is never registered/
    )

    const late = await runStep({
      actionDir: echo,
      inputs: { secret: 'hunter22', mode: 'leak-before' }
    })
    const leaks = findLeaks(late, { secrets: ['hunter22'], maskFirst: ['hunter22'] })
    expect(leaks).toContainEqual({
      place: 'stdout',
      where: '1',
      mask: -1,
      secret: 0,
      kind: 'before-mask'
    })
    expect(leaks).toContainEqual({
      place: 'masks',
      where: 'line 1',
      mask: -1,
      secret: 0,
      kind: 'late-mask'
    })
    const early = await runStep({ actionDir: echo, inputs: { secret: 'hunter22' } })
    expect(findLeaks(early, { secrets: ['hunter22'], maskFirst: ['hunter22'] })).toEqual([])
  })
})

describe('large inputs', () => {
  itOnPosix(
    'an environment variable holds at most 32,767 characters there, the preload cannot set more',
    'passes a value too long for one environment string through a preload',
    async () => {
      const big = 'x'.repeat(1024 * 1024)
      const r = await runStep({ actionDir: echo, inputs: { 'dash-name': big } })
      expect(r.exitCode).toBe(0)
      const seen = JSON.parse(r.outputs.inputs) as Record<string, string>
      expect(seen['INPUT_DASH-NAME']).toBe(big)
      expect(seen.MAESTRO_TEST_LARGE_ENV).toBeUndefined()
    }
  )
})
