// The closing table of `npm run test:reliability` (and of `npm test`): what the reliability tests
// under __tests__/reliability recorded through __tests__/support/reliability.ts.
import { existsSync, readFileSync } from 'node:fs'

/** Records from a tally file (one JSON object per line); [] when the file does not exist. */
export function readTally(file) {
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(line => line.trim() !== '')
    .map(line => JSON.parse(line))
}

function percent(ok, total) {
  return total === 0 ? 'n/a' : `${Math.floor((ok / total) * 1000) / 10}%`
}

/** Rows of [measure, value, goal]; `met` is false when any goal is missed. */
export function reliabilityFigures(records) {
  const of = kind => records.filter(r => r.kind === kind)
  const ok = list => list.filter(r => r.ok).length
  const bad = list => list.filter(r => !r.ok).length
  const faults = of('fault')
  const inputs = of('bad-input')
  const leaks = of('leak')
  const rows = [
    [
      'fault cases tried / handled correctly',
      `${faults.length} / ${ok(faults)} (${percent(ok(faults), faults.length)})`,
      '100%'
    ],
    [
      'bad inputs tried / clean errors',
      `${inputs.length} / ${ok(inputs)} (${percent(ok(inputs), inputs.length)})`,
      '100%'
    ],
    ['leak checks run / leaks found', `${leaks.length} / ${bad(leaks)}`, '0 leaks'],
    ['duplicates created', `${bad(of('duplicate'))} (in ${of('duplicate').length} checks)`, '0'],
    [
      'partial files left',
      `${bad(of('partial-file'))} (in ${of('partial-file').length} checks)`,
      '0'
    ]
  ]
  const met =
    bad(faults) === 0 &&
    bad(inputs) === 0 &&
    bad(leaks) === 0 &&
    bad(of('duplicate')) === 0 &&
    bad(of('partial-file')) === 0
  return { rows, met, failures: records.filter(r => !r.ok) }
}

/** The table as text, followed by the failed checks by name. */
export function renderReliabilityTable(records) {
  const { rows, failures } = reliabilityFigures(records)
  const width = Math.max(...rows.map(r => r[0].length))
  const lines = [
    'Reliability',
    ...rows.map(([m, v, g]) => `  ${m.padEnd(width)}  ${v}   goal: ${g}`)
  ]
  for (const f of failures) lines.push(`  FAILED ${f.kind}: ${f.name}`)
  return `${lines.join('\n')}\n`
}
