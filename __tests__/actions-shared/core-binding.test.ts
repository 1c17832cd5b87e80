import { describe, expect, it } from '@jest/globals'
import * as actionsCore from '@actions/core'
import type { ActionCore } from '../../src/actions/shared/core.js'

describe('ActionCore', () => {
  it('the real @actions/core satisfies it (checked by tsc)', () => {
    const bound: ActionCore = actionsCore
    expect(typeof bound.getInput).toBe('function')
    expect(typeof bound.summary.addTable).toBe('function')
  })
})
