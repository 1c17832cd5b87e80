import { existsSync, rmSync } from 'node:fs'
import { describe, expect, test } from '@jest/globals'
import { lines, runFixture } from './helpers.js'

describe('environment', () => {
  test('workflow < job < GITHUB_ENV exports < step env; exports and GITHUB_PATH reach later steps', async () => {
    const run = await runFixture('env.yml', { inheritEnv: true })
    const out = lines(run.printed)
    expect(run.result).toBe('success')
    expect(out).toContain(
      'A OVERRIDE=step LEVEL_WF=workflow JOB_ONLY=job-sees-env FROM_EXPR=event-workflow_dispatch'
    )
    expect(out).toContain('B OVERRIDE=job')
    // GITHUB_ENV applies from the next step on, not to the step that wrote it.
    expect(out).toContain('B EXPORTED-in-same-step=unset')
    expect(out).toContain('C EXPORTED=first OVERRIDE=exported ctx=first')
    expect(out).toContain('C MULTI=m1+m2')
    expect(out).toContain('tool-on-path')
    expect(out).toContain(
      "Error: Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command."
    )
    expect(out).toContain('D OVERRIDE=step-again')
    expect(out).toContain('E CI=true GITHUB_ACTIONS=true REPO=botcity/maestro-actions JOB=env')
    expect(run.env).toEqual({ EXPORTED: 'first', OVERRIDE: 'exported', MULTI: 'm1\nm2' })
  })

  test('vars, github and runner contexts', async () => {
    const run = await runFixture('env.yml', {
      vars: { GREETING: 'hi there' },
      github: { sha: 'a'.repeat(40), ref: 'refs/heads/demo', event: { inputs: { who: 'ada' } } }
    })
    const out = lines(run.printed)
    expect(out).toContain(`F var=hi there missing-var=[] sha=${'a'.repeat(40)} ref=refs/heads/demo`)
    expect(out).toContain('G os=Linux temp-matches=true ws=true')
    expect(out).toContain('H event=ada job=env workflow=env precedence server=https://github.com')
  })

  test('RUNNER_TEMP is removed after the run unless kept', async () => {
    const temp = (printed: string) =>
      lines(printed)
        .find(l => l.startsWith('TEMP='))
        ?.slice(5) ?? ''
    const run = await runFixture('env.yml')
    expect(temp(run.printed)).toMatch(/maestro-actions-runner-/)
    expect(existsSync(temp(run.printed))).toBe(false)
    const kept = await runFixture('env.yml', { keepTemp: true })
    expect(existsSync(temp(kept.printed))).toBe(true)
    rmSync(temp(kept.printed), { recursive: true })
  })

  test('the env option sits below the workflow env and reaches every step', async () => {
    process.env.HOST_ONLY_VAR = 'host'
    try {
      const run = await runFixture('env.yml', { env: { OVERRIDE: 'from-option', EXTRA: 'x' } })
      expect(lines(run.printed)).toContain('B OVERRIDE=job')
      expect(lines(run.printed)).toContain('EXTRA=x HOST=host')
      const sealed = await runFixture('env.yml', {
        inheritEnv: false,
        env: { PATH: process.env.PATH ?? '' }
      })
      expect(lines(sealed.printed)).toContain('EXTRA=unset HOST=unset')
    } finally {
      delete process.env.HOST_ONLY_VAR
    }
  })

  test('the event name option feeds the github context', async () => {
    const run = await runFixture('env.yml', { github: { event_name: 'push' } })
    expect(run.printed).toContain('FROM_EXPR=event-push')
  })
})
