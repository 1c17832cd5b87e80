import { describe, expect, test } from '@jest/globals'
import { lines, runFixture } from './helpers.js'

function printedInputs(printed: string): Record<string, string> {
  const line = lines(printed).find(l => l.startsWith('inputs='))
  return JSON.parse(line?.slice('inputs='.length) ?? '{}') as Record<string, string>
}

describe('uses: ./ JavaScript actions', () => {
  test('pre, main and post run as the runner runs them, with inputs, outputs, env, state', async () => {
    const run = await runFixture('node-action.yml', {
      github: { repository: 'botcity/demo', actor: 'octocat' }
    })
    const out = lines(run.printed)
    expect(run.result).toBe('success')
    expect(run.steps.map(s => [s.stage, s.name, s.outcome])).toEqual([
      ['pre', 'Pre Run ./actions/probe', 'success'],
      ['main', 'Run ./actions/probe', 'success'],
      ['main', 'Use outputs', 'success'],
      ['main', 'Run ./', 'success'],
      ['main', 'Run echo "root word=${{ steps.root.outputs.word }}"', 'success'],
      ['post', 'Post Run ./actions/probe', 'success']
    ])
    expect(out).toContain('pre: name input is octocat')
    // Every declared input is set: with: value, evaluated default, plain default, or ''.
    expect(printedInputs(run.printed)).toEqual({
      INPUT_NAME: 'octocat',
      INPUT_GREETING: 'Hello from botcity/demo on Linux',
      INPUT_FAIL: 'false',
      INPUT_WITH_SPACE: 'spaced',
      'INPUT_DASH-ED': 'dashed',
      INPUT_SECRET: '***',
      'INPUT_UNKNOWN-INPUT': 'x'
    })
    expect(out).toContain(`cwd=${run.workspace}`)
    expect(out).toContain('state seen by main: pre-was-here')
    expect(out).toContain(
      "Warning: Unexpected input(s) 'unknown-input', valid inputs are ['name', 'greeting', 'fail', 'with space', 'dash-ed', 'secret']"
    )
    // Once, at the main stage, before the action's own output.
    expect(run.printed.split('Unexpected input(s)').length).toBe(2)
    expect(run.printed.indexOf('Unexpected input(s)')).toBeLessThan(run.printed.indexOf('inputs='))
    expect(run.printed.indexOf('Unexpected input(s)')).toBeGreaterThan(
      run.printed.indexOf('▶ Run ./actions/probe')
    )
    expect(run.printed).not.toContain('hush-hush')
    expect(out).toContain('the secret input is ***')
    expect(out).toContain('Notice: Probe: greeted')
    const probe = run.steps.find(s => s.id === 'probe' && s.stage === 'main')
    expect(probe?.outputs).toEqual({
      greeting: 'Hello from botcity/demo on Linux, octocat!',
      multi: 'line one\nline two'
    })
    expect(out).toContain('greeting=Hello from botcity/demo on Linux, octocat!')
    expect(out).toContain('exported=from-the-action')
    expect(out).toContain('multi="line one\\nline two"')
    expect(out).toContain('root word=root-default')
    expect(out).toContain('post: saved=octocat from_pre=pre-was-here')
    expect(run.summary).toBe('### Probe\nHello from botcity/demo on Linux, octocat!\n')
    expect(run.printed).toContain('Job summary')
    // post runs last, after every main step.
    expect(run.printed.lastIndexOf('Post Run ./actions/probe')).toBeGreaterThan(
      run.printed.indexOf('root word=')
    )
  })

  test('a failing action fails the job; missing required input warns; post still runs', async () => {
    const run = await runFixture('node-failure.yml')
    const out = lines(run.printed)
    expect(run.result).toBe('failure')
    expect(out).toContain('Warning: Input required and not supplied: name')
    expect(out).toContain('Error: probe was asked to fail')
    expect(out).not.toContain('SHOULD-NOT-RUN')
    expect(run.steps.map(s => [s.stage, s.outcome])).toEqual([
      ['pre', 'success'],
      ['main', 'failure'],
      ['main', 'skipped'],
      ['post', 'success']
    ])
    expect(out).toContain('post: saved= from_pre=pre-was-here')
  })
})
