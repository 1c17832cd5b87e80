// The all-in-one root action: `command` picks one of the actions, which then runs exactly as it
// does on its own, with its own defaults.
import type { ActionCore, InputOptions } from '../shared/core.js'
import { createInputReader } from '../shared/inputs.js'
import { commands, type Command } from './commands.generated.js'

type CommandTable = Readonly<Record<string, Command>>

export const Inputs = { command: 'command' } as const

/** The error title for a run: the command's own name once the command is known. */
export function titleFor(rawCommand: string, table: CommandTable = commands): string {
  const command = Object.keys(table).find(c => c === rawCommand.trim().toLowerCase())
  return command ? table[command].title : 'BotCity Maestro'
}

export function run(core: ActionCore): Promise<void> {
  return runCommand(core, commands)
}

export async function runCommand(core: ActionCore, table: CommandTable): Promise<void> {
  const name = createInputReader(core).enum(Inputs.command, { values: Object.keys(table) })
  const command = table[name]
  warnAboutUnusedInputs(core, name, command, table)
  await command.run(withCommandDefaults(core, command))
}

/**
 * The root action declares the union of every command's inputs, so the runner passes all of them;
 * one set for another command is most likely a mistake in the workflow, but not a fatal one.
 */
function warnAboutUnusedInputs(
  core: ActionCore,
  name: string,
  command: Command,
  table: CommandTable
): void {
  const allInputs = new Set(Object.values(table).flatMap(c => Object.keys(c.inputs)))
  for (const input of allInputs) {
    if (input in command.inputs || core.getInput(input) === '') continue
    core.warning(`Input '${input}' is not used by command '${name}' and is ignored.`)
  }
}

/** A core whose getInput falls back to the command's own default, as its action.yml declares. */
export function withCommandDefaults(core: ActionCore, command: Command): ActionCore {
  const getInput = (input: string, options?: InputOptions): string => {
    const value = core.getInput(input, { ...options, required: false })
    if (value !== '') return value
    const fallback = command.inputs[input] ?? ''
    if (fallback === '' && options?.required) {
      throw new Error(`Input required and not supplied: ${input}`)
    }
    return fallback
  }
  return { ...core, getInput }
}
