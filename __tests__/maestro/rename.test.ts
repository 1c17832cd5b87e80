import { describe, expect, it } from '@jest/globals'
import { renameIntoPlace } from '../../src/maestro/index.js'

const busy = (code: string) => Object.assign(new Error(`${code}: busy`), { code })

describe('renameIntoPlace', () => {
  it('tries again while the file is busy, then succeeds', async () => {
    const codes = ['EPERM', 'EBUSY', 'EACCES']
    const pauses: number[] = []
    let calls = 0
    await renameIntoPlace(
      'a.part',
      'a',
      async () => {
        calls++
        const code = codes.shift()
        if (code) throw busy(code)
      },
      async ms => void pauses.push(ms)
    )
    expect(calls).toBe(4)
    expect(pauses).toEqual([60, 120, 240])
  })

  it('gives up after six tries, with the last error', async () => {
    let calls = 0
    await expect(
      renameIntoPlace(
        'a.part',
        'a',
        async () => {
          calls++
          throw busy('EPERM')
        },
        async () => undefined
      )
    ).rejects.toThrow('EPERM: busy')
    expect(calls).toBe(6)
  })

  it('does not retry other errors', async () => {
    let calls = 0
    await expect(
      renameIntoPlace(
        'a.part',
        'a',
        async () => {
          calls++
          throw busy('ENOENT')
        },
        async () => undefined
      )
    ).rejects.toThrow('ENOENT')
    expect(calls).toBe(1)
  })
})
