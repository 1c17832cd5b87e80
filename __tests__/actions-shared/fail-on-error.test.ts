import { describe, expect, it } from '@jest/globals'
import { failOrWarn } from '../../src/actions/shared/fail-on-error.js'
import { ActionInputError } from '../../src/actions/shared/inputs.js'
import { ActionFailure, describeFailure } from '../../src/actions/shared/run.js'
import { MaestroHttpError } from '../../src/maestro/index.js'
import { createCoreStub } from '../support/core-stub.js'

const serverError = () =>
  new MaestroHttpError({
    operation: 'create alert for task 1',
    method: 'POST',
    path: '/api/v2/alerts',
    status: 500,
    serverMessage: 'boom',
    attempts: 1
  })

describe('failOrWarn', () => {
  it('rethrows everything when fail-on-error is true', () => {
    const core = createCoreStub()
    const thrown = serverError()
    expect(() => failOrWarn(core, 'Alert', true, thrown)).toThrow(thrown)
    expect(core.annotations).toEqual([])
  })

  it('turns a Maestro failure into one warning with the same title and text', () => {
    const core = createCoreStub()
    failOrWarn(core, 'Alert', false, serverError())
    expect(core.annotations).toHaveLength(1)
    expect(core.annotations[0]).toMatchObject({
      level: 'warning',
      properties: { title: 'Alert failed' },
      message: expect.stringMatching(
        /HTTP 500.*\(not failing the step: 'fail-on-error' is false\)$/
      )
    })
  })

  it('still throws a bad input or a bug', () => {
    const core = createCoreStub()
    const input = new ActionInputError('task-id', 'bad')
    expect(() => failOrWarn(core, 'Alert', false, input)).toThrow(input)
    const bug = new TypeError('x is undefined')
    expect(() => failOrWarn(core, 'Alert', false, bug)).toThrow(bug)
    const outcome = new ActionFailure('Task 7 finished with FAILED')
    expect(() => failOrWarn(core, 'Alert', false, outcome)).toThrow(outcome)
    expect(core.annotations).toEqual([])
  })

  it('downgrades an ActionFailure that Maestro caused (a partial upload)', () => {
    const core = createCoreStub()
    const partial = new ActionFailure('Error 3 exists, but a.log did not upload', {
      fromMaestro: true,
      cause: serverError()
    })
    expect(describeFailure('Report error', partial)).toMatchObject({
      kind: 'maestro',
      title: 'Report error failed',
      message: 'Error 3 exists, but a.log did not upload',
      debug: expect.stringContaining('Caused by')
    })
    failOrWarn(core, 'Report error', false, partial)
    expect(core.annotations.map(a => a.level)).toEqual(['warning'])
  })
})
