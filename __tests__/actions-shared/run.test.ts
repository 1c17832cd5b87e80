import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { ActionInputError } from '../../src/actions/shared/inputs.js'
import { ActionFailure, describeFailure, runAction } from '../../src/actions/shared/run.js'
import { maskSecret, resetMaskedValuesForTests } from '../../src/actions/shared/secrets.js'
import { createCoreStub, errorLines } from '../support/core-stub.js'

beforeEach(() => resetMaskedValuesForTests())

class MaestroHttpError extends Error {
  override name = 'MaestroHttpError'
  constructor(
    message: string,
    readonly operation: string,
    readonly status: number,
    readonly serverMessage: string,
    readonly hint?: string
  ) {
    super(message)
  }
}

async function run(thrown: unknown) {
  const core = createCoreStub()
  const codes: number[] = []
  const code = await runAction(
    'Create task',
    () => {
      throw thrown
    },
    { core, setExitCode: c => codes.push(c) }
  )
  return { core, code, codes, errors: errorLines(core) }
}

describe('runAction', () => {
  it('success: no error, exit code untouched', async () => {
    const core = createCoreStub()
    const setExitCode = jest.fn()
    const fn = jest.fn(async () => undefined)
    expect(await runAction('Create task', fn, { core, setExitCode })).toBe(0)
    expect(fn).toHaveBeenCalledWith(core)
    expect(setExitCode).not.toHaveBeenCalled()
    expect(errorLines(core)).toEqual([])
  })

  it('input error: titled with the input', async () => {
    const r = await run(new ActionInputError('priority', "Out of range, got '11'. Accepted: x"))
    expect(r.code).toBe(1)
    expect(r.codes).toEqual([1])
    expect(r.errors).toEqual([
      "::error title=Invalid input 'priority'::Out of range, got '11'. Accepted: x"
    ])
  })

  it('an ActionFailure (a decided outcome): its message as is, no bug hint, no debug stack', async () => {
    const r = await run(new ActionFailure('Task 7 finished with FAILED: boom. Allowed: SUCCESS'))
    expect(r.code).toBe(1)
    expect(r.errors).toEqual([
      '::error title=Create task failed::Task 7 finished with FAILED: boom. Allowed: SUCCESS'
    ])
    expect(r.core.debugMessages).toEqual([])
    expect(describeFailure('X', { name: 'ActionFailure', message: 'm' }).kind).toBe('outcome')
  })

  it('client HTTP error: titled with the action, hint appended', async () => {
    const r = await run(
      new MaestroHttpError(
        'Create task: HTTP 404 (no such automation)',
        'createTask',
        404,
        'x',
        'Check activity-label.'
      )
    )
    expect(r.errors).toEqual([
      '::error title=Create task failed::Create task: HTTP 404 (no such automation) Check activity-label.'
    ])
    expect(r.codes).toEqual([1])
  })

  it('client network and input errors (duck-typed by name)', async () => {
    const net = Object.assign(
      new Error('Could not reach https://m.example after 3 attempts: ECONNREFUSED'),
      {
        name: 'MaestroNetworkError',
        operation: 'login',
        attempts: 3
      }
    )
    expect((await run(net)).errors).toEqual([
      '::error title=Create task failed::Could not reach https://m.example after 3 attempts: ECONNREFUSED'
    ])
    const inp = Object.assign(new Error('priority must be 0..10'), {
      name: 'MaestroInputError',
      field: 'priority'
    })
    expect((await run(inp)).errors).toEqual([
      '::error title=Create task failed::priority must be 0..10'
    ])
  })

  it('a bug: message plus a hint to report it; the stack goes to debug only', async () => {
    const r = await run(new TypeError("Cannot read properties of undefined (reading 'id')"))
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatch(
      /^::error title=Create task failed::Cannot read properties of undefined \(reading 'id'\)\. This looks like a bug in maestro-actions/
    )
    expect(r.errors[0]).not.toContain('    at ')
    expect(r.core.debugMessages.join('\n')).toContain('run.test.ts')
  })

  it.each([
    ['a string', 'boom', 'Unexpected value thrown: boom.'],
    ['undefined', undefined, 'Unexpected value thrown: undefined.'],
    ['a number', 42, 'Unexpected value thrown: 42.'],
    ['an object', { code: 7 }, 'Unexpected value thrown: { code: 7 }.']
  ])('non-Error values (%s)', async (_what, value, start) => {
    const r = await run(value)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0].startsWith(`::error title=Create task failed::${start}`)).toBe(true)
    expect(r.codes).toEqual([1])
  })

  it('a rejected promise is handled like a throw', async () => {
    const core = createCoreStub()
    const code = await runAction(
      'Alert',
      async () => Promise.reject(new ActionInputError('type', 'bad')),
      {
        core,
        setExitCode: () => undefined
      }
    )
    expect(code).toBe(1)
    expect(errorLines(core)).toEqual(["::error title=Invalid input 'type'::bad"])
  })

  it('multi-line messages stay one ::error line', async () => {
    const r = await run(new ActionInputError('x', 'line one\nline two'))
    expect(r.errors).toEqual(["::error title=Invalid input 'x'::line one%0Aline two"])
    expect(r.core.lines.filter(l => l.includes('line two'))).toHaveLength(1)
  })

  it('never prints a masked secret, even when the thrown message contains it', async () => {
    const core = createCoreStub()
    const secret = 'multi\nline-secret'
    const code = await runAction(
      'Get credential',
      c => {
        maskSecret(c, secret)
        const e = new Error(`server said: multi\nline-secret is wrong`)
        throw new MaestroHttpError(
          e.message,
          'getCredential',
          500,
          'line-secret',
          'hint line-secret'
        )
      },
      { core, setExitCode: () => undefined }
    )
    expect(code).toBe(1)
    const printed = core.lines.filter(l => !l.startsWith('::add-mask::'))
    expect(printed.join('\n')).not.toMatch(/line-secret|multi/)
    expect(errorLines(core)).toEqual([
      '::error title=Get credential failed::server said: *** is wrong hint ***'
    ])
  })

  it('secrets are redacted from the debug stack too', async () => {
    const core = createCoreStub()
    await runAction(
      'X',
      c => {
        maskSecret(c, 'hunter2')
        throw new Error('bad hunter2', { cause: new Error('inner hunter2') })
      },
      { core, setExitCode: () => undefined }
    )
    expect(core.debugMessages.join('\n')).toContain('Caused by: Error: inner ***')
    expect(core.lines.filter(l => !l.startsWith('::add-mask::')).join('\n')).not.toContain(
      'hunter2'
    )
  })

  it('a hostile thrown value still yields exactly one error', async () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap')
        },
        getPrototypeOf() {
          throw new Error('trap')
        }
      }
    )
    const r = await run(hostile)
    expect(r.errors).toEqual([
      expect.stringMatching(/^::error title=Create task failed::Unexpected value thrown/)
    ])
  })
})

describe('describeFailure', () => {
  it('recognises an ActionInputError from another bundle copy by name', () => {
    const foreign = Object.assign(new Error('bad'), { name: 'ActionInputError', input: 'label' })
    expect(describeFailure('X', foreign)).toMatchObject({
      kind: 'input',
      title: "Invalid input 'label'"
    })
  })
})
