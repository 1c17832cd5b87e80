import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  readTally,
  reliabilityFigures,
  renderReliabilityTable
} from '../scripts/reliability-table.mjs'
import { recordReliability, TALLY_VARIABLE } from './support/reliability.js'

describe('reliability tally', () => {
  it('records checks as JSON lines and reads them back', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tally-')), 'tally.jsonl')
    const saved = process.env[TALLY_VARIABLE]
    process.env[TALLY_VARIABLE] = file
    try {
      recordReliability('fault', 'create-task: 503 once', true)
      recordReliability('leak', 'alert: PEM key', false)
    } finally {
      if (saved === undefined) delete process.env[TALLY_VARIABLE]
      else process.env[TALLY_VARIABLE] = saved
    }
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2)
    expect(readTally(file)).toEqual([
      { kind: 'fault', name: 'create-task: 503 once', ok: true },
      { kind: 'leak', name: 'alert: PEM key', ok: false }
    ])
  })

  it('reads a missing tally as no records', () => {
    expect(readTally(join(tmpdir(), 'no-such-tally.jsonl'))).toEqual([])
  })
})

describe('reliability table', () => {
  const records = [
    { kind: 'fault', name: 'a', ok: true },
    { kind: 'fault', name: 'b', ok: false },
    { kind: 'bad-input', name: 'c', ok: true },
    { kind: 'leak', name: 'd', ok: true },
    { kind: 'duplicate', name: 'e', ok: true },
    { kind: 'partial-file', name: 'f', ok: false }
  ]

  it('counts tried and handled per kind, and misses a goal on any failure', () => {
    const { rows, met, failures } = reliabilityFigures(records)
    expect(rows[0][1]).toBe('2 / 1 (50%)')
    expect(rows[1][1]).toBe('1 / 1 (100%)')
    expect(rows[2][1]).toBe('1 / 0')
    expect(rows[4][1]).toBe('1 (in 1 checks)')
    expect(met).toBe(false)
    expect(failures.map((f: { name: string }) => f.name)).toEqual(['b', 'f'])
  })

  it('meets every goal when every check passed', () => {
    expect(reliabilityFigures(records.filter(r => r.ok)).met).toBe(true)
  })

  it('names the failed checks under the table', () => {
    expect(renderReliabilityTable(records)).toContain('FAILED partial-file: f')
  })
})
