// Small typed validators for request bodies. Each failure is a 400 whose message names the field
// and what was expected; they also accept every variant an official SDK sends (enums by name or
// by index, ids as numbers or numeric strings).
import { HttpError } from './http.js'
import { msg } from './messages.js'

export type Obj = Record<string, unknown>

const bad = (message: string) => new HttpError(400, message)

export function asObject(value: unknown): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad(msg.bodyNotObject)
  return value as Obj
}

/** Reads fields of one body object; `names` may list aliases (first one present wins). */
export class Fields {
  constructor(readonly o: Obj) {}

  private pick(names: string | string[]): [string, unknown] {
    const list = Array.isArray(names) ? names : [names]
    for (const n of list) if (this.o[n] !== undefined) return [n, this.o[n]]
    return [list[0], undefined]
  }

  has(names: string | string[]): boolean {
    return this.pick(names)[1] !== undefined
  }

  str(names: string | string[]): string {
    const [n, v] = this.pick(names)
    if (v === undefined || v === null) throw bad(msg.required(n))
    if (typeof v !== 'string') throw bad(msg.wrongType(n, 'a string'))
    if (v.trim() === '') throw bad(msg.required(n))
    return v
  }

  optStr(names: string | string[]): string | null {
    const [n, v] = this.pick(names)
    if (v === undefined || v === null) return null
    if (typeof v !== 'string') throw bad(msg.wrongType(n, 'a string'))
    return v
  }

  /** A string, or a number or boolean taken as its text (SDKs typed `any` send those). */
  optText(names: string | string[]): string | null {
    const [n, v] = this.pick(names)
    if (v === undefined || v === null) return null
    if (typeof v === 'number' || typeof v === 'boolean') return String(v)
    if (typeof v !== 'string') throw bad(msg.wrongType(n, 'a string'))
    return v
  }

  optBool(names: string | string[]): boolean | null {
    const [n, v] = this.pick(names)
    if (v === undefined || v === null) return null
    if (typeof v !== 'boolean') throw bad(msg.wrongType(n, 'a boolean'))
    return v
  }

  optInt(names: string | string[], min = -Infinity, max = Infinity): number | null {
    const [n, v] = this.pick(names)
    if (v === undefined || v === null) return null
    const i = toInt(v)
    if (i === null) throw bad(msg.wrongType(n, 'an integer'))
    if (i < min || i > max) throw bad(msg.outOfRange(n, min, max))
    return i
  }

  int(names: string | string[], min = -Infinity, max = Infinity): number {
    const i = this.optInt(names, min, max)
    if (i === null) throw bad(msg.required(this.pick(names)[0]))
    return i
  }

  id(names: string | string[], what: string): number {
    const [n, v] = this.pick(names)
    if (v === undefined || v === null) throw bad(msg.required(n))
    return parseId(v, what)
  }

  optEnum<T extends string>(names: string | string[], allowed: readonly T[]): T | null {
    const [n, v] = this.pick(names)
    if (v === undefined || v === null) return null
    return toEnum(n, v, allowed)
  }

  enum<T extends string>(names: string | string[], allowed: readonly T[]): T {
    const e = this.optEnum(names, allowed)
    if (e === null) throw bad(msg.required(this.pick(names)[0]))
    return e
  }

  optObject(names: string | string[]): Obj | null {
    const [n, v] = this.pick(names)
    if (v === undefined || v === null) return null
    if (typeof v !== 'object' || Array.isArray(v)) throw bad(msg.wrongType(n, 'an object'))
    return v as Obj
  }

  optArray(names: string | string[]): unknown[] | null {
    const [n, v] = this.pick(names)
    if (v === undefined || v === null) return null
    if (!Array.isArray(v)) throw bad(msg.wrongType(n, 'an array'))
    return v
  }

  array(names: string | string[]): unknown[] {
    const a = this.optArray(names)
    if (a === null) throw bad(msg.required(this.pick(names)[0]))
    return a
  }

  optStringArray(names: string | string[]): string[] | null {
    const a = this.optArray(names)
    if (a === null) return null
    const [n] = this.pick(names)
    if (!a.every(x => typeof x === 'string')) throw bad(msg.wrongType(n, 'an array of strings'))
    return a as string[]
  }

  /** A map of string to string (error tags, parameters of simple types). */
  optStringMap(names: string | string[]): Record<string, string> | null {
    const o = this.optObject(names)
    if (o === null) return null
    const [n] = this.pick(names)
    if (!Object.values(o).every(x => typeof x === 'string'))
      throw bad(msg.wrongType(n, 'an object of strings'))
    return o as Record<string, string>
  }

  optDate(names: string | string[]): string | null {
    const [n, v] = this.pick(names)
    if (v === undefined || v === null || v === '') return null
    if (typeof v !== 'string') throw bad(msg.wrongType(n, 'an ISO-8601 date'))
    // Maestro runs in UTC; the Python SDK sends naive datetime.isoformat() without a zone.
    const zoned = /T.*(Z|[+-]\d\d:?\d\d)$/i.test(v) || !v.includes('T') ? v : `${v}Z`
    const t = Date.parse(zoned)
    if (Number.isNaN(t)) throw bad(msg.wrongType(n, 'an ISO-8601 date'))
    return new Date(t).toISOString()
  }
}

export const fields = (body: unknown) => new Fields(asObject(body))

function toInt(v: unknown): number | null {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) {
    const n = Number(v.trim())
    return Number.isSafeInteger(n) ? n : null
  }
  return null
}

/** Ids are integers; the C# SDK sends task ids as strings, so numeric strings count too. */
export function parseId(v: unknown, what: string): number {
  const i = toInt(v)
  if (i === null || i < 1) throw bad(msg.badId(what, v))
  return i
}

/** Enums arrive as their name or (C# SDK) as their index in the order the contract lists them. */
export function toEnum<T extends string>(field: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v === 'string') {
    const up = v.trim().toUpperCase()
    const hit = allowed.find(a => a === up)
    if (hit) return hit
    if (/^\d+$/.test(up) && Number(up) < allowed.length) return allowed[Number(up)]
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < allowed.length)
    return allowed[v]
  throw bad(msg.badEnum(field, v, allowed))
}

/** Query-string integer with a default; a malformed value is a 400 naming it. */
export function queryInt(
  q: URLSearchParams,
  name: string,
  dflt: number | null,
  min = 0
): number | null {
  const raw = q.get(name)
  if (raw === null || raw === '') return dflt
  const i = toInt(raw)
  if (i === null || i < min) throw bad(msg.badQuery(name, raw))
  return i
}
