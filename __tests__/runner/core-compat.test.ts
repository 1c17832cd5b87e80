import { describe, expect, test } from '@jest/globals'
import { fixture, lines, runFixture } from './helpers.js'

describe('an action written with @actions/core', () => {
  test('outputs, exported env, masking, groups, state, summary and setFailed all land', async () => {
    const run = await runFixture('core-action.yml', {
      workspace: fixture('core-workspace'),
      github: { run_id: '4242' }
    })
    const out = lines(run.printed)
    expect(out).toContain('token is ***')
    expect(run.printed).not.toContain('tok-4242-xyz')
    expect(run.printed).not.toContain('second-token-abc')
    expect(run.printed).toContain('  ▾ details\n    mode=pass\n')
    expect(run.printed).not.toContain('debug line')
    expect(out).toContain('Warning: careful (main.mjs:7)')
    expect(out).toContain('json={"a":1,"nested":["x","y"]}')
    expect(out).toContain('a=1')
    expect(out).toContain('multi="one\\ntwo"')
    expect(out).toContain('exported=yes+really')
    expect(out).toContain('Error: asked to fail with ***')
    expect(out).toContain('post state=from-main')
    expect(run.summary).toContain('<h1>Core summary</h1>')
    expect(run.steps.map(s => [s.stage, s.id, s.outcome])).toEqual([
      ['main', 'core', 'success'],
      ['main', '__run', 'success'],
      ['main', 'failing', 'failure'],
      ['post', 'failing', 'success'],
      ['post', 'core', 'success']
    ])
    expect(run.result).toBe('failure')
  })

  test('debug output shows with the debug option', async () => {
    const run = await runFixture('core-action.yml', {
      workspace: fixture('core-workspace'),
      debug: true
    })
    expect(lines(run.printed)).toContain('Debug: debug line')
  })
})
