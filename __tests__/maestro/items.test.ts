import { describe, expect, test } from '@jest/globals'
import { MaestroInputError, resolveItemCounts } from '../../src/maestro/index.js'

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(MaestroInputError)
    return (e as MaestroInputError).field
  }
  return undefined
}

describe('resolveItemCounts (the items rule)', () => {
  test('none given: nulls and a warning', () => {
    const r = resolveItemCounts({})
    expect(r).toMatchObject({ totalItems: null, processedItems: null, failedItems: null })
    expect(r.warning).toMatch(/No item counts/)
    expect(resolveItemCounts({ total: null, processed: null, failed: null }).totalItems).toBeNull()
  })

  test('all three consistent', () => {
    expect(resolveItemCounts({ total: 10, processed: 7, failed: 3 })).toEqual({
      totalItems: 10,
      processedItems: 7,
      failedItems: 3
    })
  })

  test('the third is derived', () => {
    expect(resolveItemCounts({ processed: 7, failed: 3 })).toMatchObject({ totalItems: 10 })
    expect(resolveItemCounts({ total: 10, failed: 3 })).toMatchObject({ processedItems: 7 })
    expect(resolveItemCounts({ total: 10, processed: 7 })).toMatchObject({ failedItems: 3 })
    expect(resolveItemCounts({ total: 0, processed: 0 })).toMatchObject({ failedItems: 0 })
  })

  test('negatives are clamped to 0 with a warning', () => {
    const r = resolveItemCounts({ total: 5, processed: 5, failed: -2 })
    expect(r).toMatchObject({ totalItems: 5, processedItems: 5, failedItems: 0 })
    expect(r.warning).toMatch(/failedItems -2 was raised to 0/)
    expect(resolveItemCounts({ processed: -1, failed: 4 })).toMatchObject({
      totalItems: 4,
      processedItems: 0
    })
  })

  test('only one given is refused, naming a missing field', () => {
    expect(fieldOf(() => resolveItemCounts({ total: 3 }))).toBe('processedItems')
    expect(fieldOf(() => resolveItemCounts({ processed: 3 }))).toBe('totalItems')
    expect(fieldOf(() => resolveItemCounts({ failed: 3 }))).toBe('totalItems')
  })

  test('inconsistent counts name the field at fault', () => {
    expect(fieldOf(() => resolveItemCounts({ total: 10, processed: 7, failed: 2 }))).toBe(
      'totalItems'
    )
    expect(fieldOf(() => resolveItemCounts({ total: 5, processed: 7 }))).toBe('processedItems')
    expect(fieldOf(() => resolveItemCounts({ total: 5, failed: 9 }))).toBe('failedItems')
  })

  test('non-integers are refused', () => {
    expect(fieldOf(() => resolveItemCounts({ total: 1.5, processed: 1 }))).toBe('totalItems')
    expect(fieldOf(() => resolveItemCounts({ total: 2, processed: Number.NaN }))).toBe(
      'processedItems'
    )
    expect(fieldOf(() => resolveItemCounts({ total: 2, failed: '1' as unknown as number }))).toBe(
      'failedItems'
    )
  })
})
