// The release workflow's gate: only a full release vX.Y.Z moves the major tag vX. Its first step
// runs here with bash, as on the runner (the later steps need setup-node and a push, which the
// local runner does not do).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

interface Step {
  id?: string
  uses?: string
  run?: string
  env?: Record<string, string>
}
const workflow = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
  on: Record<string, { types: string[] }>
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>
}
const job = workflow.jobs['major-tag']
const dir = mkdtempSync(join(tmpdir(), 'ship-release-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const bash = process.platform !== 'win32' && spawnSync('bash', ['-c', 'true']).status === 0

function versionStep(tag: string, prerelease = false) {
  const script = job.steps.find(s => s.id === 'version')!.run!
  const file = join(dir, 'step.sh')
  const output = join(dir, 'output')
  writeFileSync(file, script)
  writeFileSync(output, '')
  const r = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', file], {
    encoding: 'utf8',
    env: { ...process.env, TAG: tag, PRERELEASE: String(prerelease), GITHUB_OUTPUT: output }
  })
  return { status: r.status, stdout: r.stdout, output: readFileSync(output, 'utf8') }
}

describe('release workflow', () => {
  it('runs on published releases, may push tags, and checks dist/ before moving the tag', () => {
    expect(workflow.on.release.types).toEqual(['published'])
    expect(job.permissions).toEqual({ contents: 'write' })
    const runs = job.steps.map(s => s.run ?? s.uses ?? '')
    const check = runs.findIndex(r => r.includes('npm run bundle:check'))
    const push = runs.findIndex(r => r.includes('git push --force origin "refs/tags/$MAJOR"'))
    expect(check).toBeGreaterThan(0)
    expect(push).toBeGreaterThan(check)
  })
  ;(bash ? it : it.skip).each([
    ['v1.2.3', 'v1'],
    ['v12.0.10', 'v12']
  ])('release %s moves %s', (tag, major) => {
    const r = versionStep(tag)
    expect(r.status).toBe(0)
    expect(r.output).toBe(`major=${major}\n`)
  })
  ;(bash ? it : it.skip).each(['v1.2', '1.2.3', 'v1.2.3-rc.1', 'v1', 'latest'])(
    'refuses the tag %s',
    tag => {
      const r = versionStep(tag)
      expect(r.status).toBe(1)
      expect(r.stdout).toContain('::error::')
      expect(r.output).toBe('')
    }
  )
  ;(bash ? it : it.skip)('does not move the major tag for a pre-release', () => {
    const r = versionStep('v2.0.0', true)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('pre-release')
  })
})
