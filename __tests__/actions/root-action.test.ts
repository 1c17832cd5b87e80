import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { runCommand, titleFor, withCommandDefaults } from '../../src/actions/all/main.js'
import type { Command } from '../../src/actions/all/commands.generated.js'
import type { ActionCore } from '../../src/actions/shared/core.js'
import { ActionInputError } from '../../src/actions/shared/inputs.js'
import {
  commandTitle,
  loadCommands,
  renderCommandsModule,
  renderRootAction
} from '../../scripts/root-action.mjs'
import { createCoreStub } from '../support/core-stub.js'

/** Two commands that share input names with different meanings and defaults, as alert and
 * report-error do with `type`. */
function fixtureRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'root-action-'))
  const action = (name: string, yml: string) => {
    mkdirSync(path.join(root, 'actions', name), { recursive: true })
    writeFileSync(path.join(root, 'actions', name, 'action.yml'), yml)
    mkdirSync(path.join(root, 'src/actions', name), { recursive: true })
    writeFileSync(
      path.join(root, 'src/actions', name, 'main.ts'),
      'export async function run() {}\n'
    )
  }
  action(
    'alert',
    `name: 'BotCity Maestro: alert'\ninputs:\n  task-id: {description: Task id., required: true}\n  type: {description: INFO or ERROR., default: INFO}\n  server: {description: Server URL.}\noutputs:\n  alert-id: {description: Alert id.}\n`
  )
  action(
    'report-error',
    `name: 'BotCity Maestro: report error'\ninputs:\n  task-id: {description: Task id., required: true}\n  type: {description: Error type., default: GitHubActionsJobFailed}\n  server: {description: Server URL.}\n`
  )
  // metadata without code yet: not a command
  mkdirSync(path.join(root, 'actions', 'not-built'), { recursive: true })
  writeFileSync(path.join(root, 'actions', 'not-built', 'action.yml'), 'name: x\n')
  return root
}

describe('root action generation', () => {
  const commands = loadCommands(fixtureRoot())

  it('takes only actions that have code as commands', () => {
    expect(commands.map((c: { name: string }) => c.name)).toEqual(['alert', 'report-error'])
  })

  it('refuses an action input named command: the root action uses that name', () => {
    const clash = [
      { name: 'x', meta: { name: 'x', inputs: { command: { description: 'A command line.' } } } }
    ]
    expect(() => renderRootAction(clash)).toThrow(
      /actions\/x\/action.yml declares an input 'command'/
    )
  })

  it('declares the union of inputs, with a default only where every command agrees', () => {
    const root = parse(renderRootAction(commands))
    expect(root.inputs.command.required).toBe(true)
    expect(root.inputs.command.description).toContain('alert, report-error')
    expect(root.inputs['task-id']).toEqual({
      description: '(alert, report-error) Task id.',
      required: false
    })
    expect(root.inputs.type.default).toBeUndefined()
    expect(root.inputs.type.description).toBe('(alert) INFO or ERROR.\n(report-error) Error type.')
    expect(root.outputs['alert-id'].description).toBe('(alert) Alert id.')
    expect(root.runs).toEqual({ using: 'node24', main: 'dist/all/index.js' })
  })

  it('keeps each command its own defaults and title in the generated table', () => {
    const text = renderCommandsModule(commands)
    expect(text).toContain("run: async core => (await import('../report-error/main.js')).run(core)")
    expect(text).toContain('"type":"GitHubActionsJobFailed"')
    expect(text).toContain('"type":"INFO"')
    expect(commandTitle({ name: 'BotCity Maestro: report error' }, 'x')).toBe('Report error')
  })

  it('has the committed root action.yml and command table current', () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/root-action.mjs', '--check'], { stdio: 'pipe' })
    ).not.toThrow()
  })
})

describe('dispatching a command', () => {
  const seen: Record<string, string>[] = []
  const reading =
    (names: string[]) =>
    async (core: ActionCore): Promise<void> => {
      seen.push(Object.fromEntries(names.map(n => [n, core.getInput(n)])))
    }
  const table: Record<string, Command> = {
    alert: {
      title: 'Alert',
      run: reading(['type', 'task-id']),
      inputs: { type: 'INFO', 'task-id': '' }
    },
    'report-error': {
      title: 'Report error',
      run: reading(['type']),
      inputs: { type: 'GitHubActionsJobFailed' }
    }
  }

  it("applies the chosen command's own defaults", async () => {
    seen.length = 0
    await runCommand(createCoreStub({ inputs: { command: 'report-error' } }), table)
    await runCommand(createCoreStub({ inputs: { command: 'ALERT', 'task-id': '7' } }), table)
    expect(seen).toEqual([{ type: 'GitHubActionsJobFailed' }, { type: 'INFO', 'task-id': '7' }])
  })

  it('warns about an input the command does not use', async () => {
    const core = createCoreStub({ inputs: { command: 'report-error', 'task-id': '7' } })
    await runCommand(core, table)
    expect(core.annotations).toEqual([
      {
        level: 'warning',
        message: "Input 'task-id' is not used by command 'report-error' and is ignored.",
        properties: {}
      }
    ])
  })

  it('refuses an unknown command, listing the commands', async () => {
    const core = createCoreStub({ inputs: { command: 'deploy' } })
    const error = await runCommand(core, table).catch(e => e)
    expect(error).toBeInstanceOf(ActionInputError)
    expect(error.input).toBe('command')
    expect(error.message).toBe(
      "Unknown value, got 'deploy'. Accepted: one of alert, report-error (any case)"
    )
  })

  it('names the command in error titles', () => {
    expect(titleFor('report-error', table)).toBe('Report error')
    expect(titleFor('nope', table)).toBe('BotCity Maestro')
  })

  it('still enforces required inputs that have no default', () => {
    const core = withCommandDefaults(createCoreStub({ inputs: {} }), table.alert)
    expect(() => core.getInput('task-id', { required: true })).toThrow('task-id')
  })
})
