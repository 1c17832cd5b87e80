#!/usr/bin/env node
// `npm test`: format check, lint, type-check, dist check, then jest. Every step runs even when an
// earlier one failed, so one run shows everything that is wrong, and the last line is always
// `N passed, N failed` (each static check counts as one test).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { ensureNode24 } from './ensure-node24.mjs'
import { readTally, renderReliabilityTable } from './reliability-table.mjs'
import { closingLine, countResults } from './test-summary.mjs'

const jestArgs = process.argv.slice(2)
const resultsFile = '.jest-results.json'
// The reliability tests (__tests__/reliability) record their checks here; the table closes the run.
const tallyFile = '.reliability-tally.jsonl'
const checks = []

function step(name, command, args, env = {}) {
  process.stdout.write(`\n== ${name}\n`)
  const r = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    // npm is npm.cmd on Windows, which only a shell can start (the arguments here are plain words).
    shell: process.platform === 'win32' && command === 'npm'
  })
  return r.status === 0
}

if (jestArgs.length === 0) {
  for (const [name, script] of [
    ['format', 'format:check'],
    ['lint', 'lint'],
    ['typecheck', 'typecheck'],
    ...(existsSync('scripts/bundle.mjs') ? [['dist is current', 'bundle:check']] : [])
  ]) {
    checks.push({ name, ok: step(name, 'npm', ['run', '--silent', script]) })
  }
}

rmSync(resultsFile, { force: true })
rmSync(tallyFile, { force: true })
// Bundles are tested under the runtime they declare (node24) as well as under this Node.
const node24 = process.env.MAESTRO_TEST_NODE24 ?? ensureNode24()
const jestOk = step(
  'jest',
  process.execPath,
  ['node_modules/jest/bin/jest.js', '--json', `--outputFile=${resultsFile}`, ...jestArgs],
  {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
    MAESTRO_RELIABILITY_TALLY: resolve(tallyFile),
    ...(node24 ? { MAESTRO_TEST_NODE24: node24 } : {})
  }
)
const report = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined
const counts = countResults(report, checks)
if (!jestOk && counts.failed === 0) counts.failed = 1 // jest failed in a way its report does not count

process.stdout.write('\n')
const tally = readTally(tallyFile)
if (tally.length > 0) process.stdout.write(`${renderReliabilityTable(tally)}\n`)
for (const c of checks) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}\n`)
process.stdout.write(`${closingLine(counts)}\n`)
process.exit(counts.failed === 0 ? 0 : 1)
