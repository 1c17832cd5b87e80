// Spring Data's Page shape, with `page`, `size` and `sort=field,desc` from the query string.
import { HttpError } from './http.js'
import { msg } from './messages.js'
import { queryInt } from './validate.js'

const DEFAULT_SIZE = 20
const MAX_SIZE = 2000

interface Order {
  property: string
  direction: 'ASC' | 'DESC'
}

function sortInfo(orders: Order[]) {
  return { empty: orders.length === 0, sorted: orders.length > 0, unsorted: orders.length === 0 }
}

function parseSort(q: URLSearchParams, fallback: Order[]): Order[] {
  const raw = q.getAll('sort').filter(s => s.trim() !== '')
  if (raw.length === 0) return fallback
  const orders: Order[] = []
  for (const s of raw) {
    const parts = s.split(',').map(p => p.trim())
    const dir = parts.length > 1 ? parts[parts.length - 1].toUpperCase() : 'ASC'
    if (dir !== 'ASC' && dir !== 'DESC') throw new HttpError(400, msg.badQuery('sort', s))
    const props = parts.length > 1 ? parts.slice(0, -1) : parts
    for (const property of props) if (property) orders.push({ property, direction: dir })
  }
  return orders
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0
  if (a === null || a === undefined) return -1
  if (b === null || b === undefined) return 1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a).localeCompare(String(b))
}

/** Sorts and slices `items` as Spring would; items are plain records. */
export function page<T extends object>(items: T[], q: URLSearchParams, fallback: Order[] = []) {
  const number = queryInt(q, 'page', 0) ?? 0
  const size = Math.min(queryInt(q, 'size', DEFAULT_SIZE, 1) ?? DEFAULT_SIZE, MAX_SIZE)
  const orders = parseSort(q, fallback)
  const sorted = [...items].sort((x, y) => {
    for (const o of orders) {
      const c = compare(
        (x as Record<string, unknown>)[o.property],
        (y as Record<string, unknown>)[o.property]
      )
      if (c !== 0) return o.direction === 'ASC' ? c : -c
    }
    // Equal keys (same millisecond): creation order, in the direction of the first order.
    const tie = compare((x as Record<string, unknown>).id, (y as Record<string, unknown>).id)
    return orders[0]?.direction === 'DESC' ? -tie : tie
  })
  const content = sorted.slice(number * size, number * size + size)
  const totalElements = items.length
  const totalPages = Math.ceil(totalElements / size)
  const sort = sortInfo(orders)
  return {
    content,
    pageable: {
      pageNumber: number,
      pageSize: size,
      offset: number * size,
      paged: true,
      unpaged: false,
      sort
    },
    totalPages,
    totalElements,
    last: number >= totalPages - 1,
    size,
    number,
    sort,
    numberOfElements: content.length,
    first: number === 0,
    empty: content.length === 0
  }
}

/** Keeps items whose date is within the last `days` days (query `days`; absent = no limit). */
export function withinDays<T>(items: T[], q: URLSearchParams, date: (t: T) => string): T[] {
  const days = queryInt(q, 'days', null)
  if (days === null) return items
  const since = Date.now() - days * 24 * 3600 * 1000
  return items.filter(t => Date.parse(date(t)) >= since)
}
