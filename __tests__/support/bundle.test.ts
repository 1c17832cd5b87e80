import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { compareBundles, findEntries } from '../../scripts/bundle.mjs'
import { FIXTURES_DIR, commandsOf, expectNoLeaks, runStep } from './runner.js'

const ROOT = resolve(FIXTURES_DIR, '..', '..')
const SRC = join(FIXTURES_DIR, 'actions-src')

function bundle(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/bundle.mjs', '--src', SRC, ...args], {
    cwd: ROOT,
    encoding: 'utf8'
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('findEntries', () => {
  it('one entry per src/actions/<name>/index.ts, shared excluded, sorted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entries-'))
    for (const n of ['zeta', 'shared', 'all', 'no-index']) mkdirSync(join(dir, n))
    for (const n of ['zeta', 'shared', 'all']) writeFileSync(join(dir, n, 'index.ts'), '')
    expect(findEntries(dir).map(e => e.name)).toEqual(['all', 'zeta'])
    expect(findEntries(join(dir, 'missing'))).toEqual([])
  })
})

describe('compareBundles', () => {
  it('lists missing, differing, extra and stale files', () => {
    const a = mkdtempSync(join(tmpdir(), 'expected-'))
    const b = mkdtempSync(join(tmpdir(), 'actual-'))
    mkdirSync(join(a, 'x'))
    mkdirSync(join(b, 'x'))
    mkdirSync(join(b, 'old'))
    writeFileSync(join(a, 'x', 'index.js'), '1')
    writeFileSync(join(b, 'x', 'index.js'), '2')
    writeFileSync(join(a, 'x', 'licenses.txt'), 'l')
    writeFileSync(join(b, 'x', 'extra.js'), 'e')
    expect(compareBundles(a, b, ['x'])).toEqual([
      { path: 'x/extra.js', reason: 'not produced by the build' },
      { path: 'x/index.js', reason: 'differs' },
      { path: 'x/licenses.txt', reason: 'missing' },
      { path: 'old/', reason: 'no src/actions/<name>/index.ts for it' }
    ])
    writeFileSync(join(b, 'x', 'index.js'), '1')
    expect(compareBundles(a, b, ['x']).map(p => p.path)).not.toContain('x/index.js')
  })
})

describe('bundle.mjs on a TypeScript action using @actions/core', () => {
  const work = mkdtempSync(join(tmpdir(), 'bundle-'))
  const dist = join(work, 'dist')
  copyFileSync(join(SRC, 'ts-action', 'action.yml'), join(work, 'action.yml'))

  it('bundles, runs on this Node through the runner protocol, and checks clean', async () => {
    const built = bundle('--dist', dist)
    expect(built.stderr).toBe('')
    expect(built.code).toBe(0)
    expect(built.stdout).toMatch(/dist\/ts-action\/index\.js {2}\d+(\.\d+)? (KiB|MiB)/)
    const code = readFileSync(join(dist, 'ts-action', 'index.js'), 'utf8')
    expect(code).not.toContain(ROOT)
    expect(code).not.toContain(work)
    expect(JSON.parse(readFileSync(join(dist, 'ts-action', 'package.json'), 'utf8'))).toEqual({
      type: 'module'
    })
    expect(readFileSync(join(dist, 'ts-action', 'licenses.txt'), 'utf8')).toContain('@actions/core')

    // Runs with the Node running the tests (20 here), although action.yml says node24.
    const ok = await runStep({ actionDir: work, inputs: { name: 'Ada', secret: 'p@ss\nw0rd' } })
    expect(ok.stderr).toBe('')
    expect(ok.exitCode).toBe(0)
    expect(ok.outputs).toEqual({ greeting: 'hello Ada', count: '2', multi: 'a\nb' })
    expect(ok.env).toEqual({ TS_FIXTURE: 'done' })
    expect(ok.masks).toEqual(['p@ss\nw0rd', 'p@ss', 'w0rd'])
    expect(ok.summary).toContain('<td>Name</td><td>Ada</td>')
    expectNoLeaks(ok)

    const bad = await runStep({ actionDir: work, inputs: { name: 'Ada', count: '9' } })
    expect(bad.exitCode).toBe(1)
    expect(commandsOf(bad, 'error').map(c => [c.properties.title, c.data])).toEqual([
      ["Invalid input 'count'", "Out of range, got '9'. Accepted: an integer from 0 to 5"]
    ])

    const boom = await runStep({ actionDir: work, inputs: { name: 'boom', secret: 'hunter22' } })
    expect(boom.exitCode).toBe(1)
    expect(commandsOf(boom, 'error')).toHaveLength(1)
    expect(commandsOf(boom, 'error')[0].data).toMatch(/^boom with \*\*\*\. This looks like a bug/)
    expectNoLeaks(boom)

    // The same sources bundle to the same bytes.
    const check = bundle('--check', '--dist', dist)
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('dist/ is current.')
  }, 120_000)

  it('--check lists what differs and how to fix it', () => {
    const stale = join(work, 'stale')
    mkdirSync(join(stale, 'ts-action'), { recursive: true })
    writeFileSync(join(stale, 'ts-action', 'index.js'), '// old\n')
    mkdirSync(join(stale, 'removed-action'))
    const check = bundle('--check', '--dist', stale)
    expect(check.code).toBe(1)
    expect(check.stderr).toContain('dist/ is out of date with the sources:')
    expect(check.stderr).toContain('dist/ts-action/index.js  (differs)')
    expect(check.stderr).toContain('dist/ts-action/licenses.txt  (missing)')
    expect(check.stderr).toContain('dist/removed-action/  (no src/actions/<name>/index.ts for it)')
    expect(check.stderr).toContain('To fix: npm run bundle && git add dist/')
  }, 120_000)
})
