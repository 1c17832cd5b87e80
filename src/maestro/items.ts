// The items rule every official SDK applies before finishing a task.

import { MaestroInputError } from './errors.js'

export interface ItemCountsInput {
  total?: number | null
  processed?: number | null
  failed?: number | null
}

export interface ItemCounts {
  totalItems: number | null
  processedItems: number | null
  failedItems: number | null
  /** Set when the counts were sent as nulls or adjusted. */
  warning?: string
}

type Field = 'totalItems' | 'processedItems' | 'failedItems'

function check(value: number | null | undefined, field: Field): number | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value))
    throw new MaestroInputError(
      field,
      `${field} must be a whole number, got '${String(value)}'.`,
      'finish the task'
    )
  return value
}

/**
 * None given: all null, with a warning. Otherwise at least two of total/processed/failed are
 * needed; the third is derived, negatives are clamped to 0, and total must equal
 * processed + failed. Throws MaestroInputError naming the field at fault.
 */
export function resolveItemCounts(items: ItemCountsInput): ItemCounts {
  const op = 'finish the task'
  let total = check(items.total, 'totalItems')
  let processed = check(items.processed, 'processedItems')
  let failed = check(items.failed, 'failedItems')
  const given = [total, processed, failed].filter(v => v !== undefined).length
  if (given === 0)
    return {
      totalItems: null,
      processedItems: null,
      failedItems: null,
      warning:
        'No item counts were given: the task is finished without totalItems, processedItems and failedItems.'
    }
  if (given === 1) {
    const missing: Field = total === undefined ? 'totalItems' : 'processedItems'
    throw new MaestroInputError(
      missing,
      'Give at least two of totalItems, processedItems and failedItems (the third is derived), or none of them.',
      op
    )
  }
  const notes: string[] = []
  const clamp = (v: number | undefined, f: Field): number | undefined => {
    if (v !== undefined && v < 0) {
      notes.push(`${f} ${v} was raised to 0`)
      return 0
    }
    return v
  }
  total = clamp(total, 'totalItems')
  processed = clamp(processed, 'processedItems')
  failed = clamp(failed, 'failedItems')

  if (total === undefined) total = processed! + failed!
  else if (processed === undefined) {
    if (failed! > total)
      throw new MaestroInputError(
        'failedItems',
        `failedItems (${failed}) is greater than totalItems (${total}).`,
        op
      )
    processed = total - failed!
  } else if (failed === undefined) {
    if (processed > total)
      throw new MaestroInputError(
        'processedItems',
        `processedItems (${processed}) is greater than totalItems (${total}).`,
        op
      )
    failed = total - processed
  }
  if (total !== processed! + failed!)
    throw new MaestroInputError(
      'totalItems',
      `totalItems (${total}) must equal processedItems (${processed}) + failedItems (${failed}).`,
      op
    )
  const result: ItemCounts = { totalItems: total, processedItems: processed!, failedItems: failed! }
  if (notes.length) result.warning = `Item counts adjusted: ${notes.join(', ')}.`
  return result
}
