#!/usr/bin/env node
// `npm run bench [filter]`: runs every scripts/bench/*.bench.ts in turn (one process each, so one
// benchmark's memory cannot skew the next) and lets each print its own figures.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const filter = process.argv[2] ?? ''
const dir = 'scripts/bench'
const files = readdirSync(dir)
  .filter(f => f.endsWith('.bench.ts') && f.includes(filter))
  .sort()
if (files.length === 0) {
  console.error(`no benchmark matches '${filter}' in ${dir}`)
  process.exit(1)
}
let failed = 0
for (const f of files) {
  console.log(`\n## ${f}`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, f)], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed === 0 ? 0 : 1)
