// `shell:` as GitHub's runner reads it on Linux: nothing (bash, else sh, with `-e {0}`), a
// built-in name (bash, sh), or `COMMAND ARGS` with `{0}` where the script path goes. Only bash
// and sh run here.
import { spawnSync } from 'node:child_process'

export const SUPPORTED_SHELLS = ['bash', 'sh']

const BUILT_IN_ARGS: Record<string, string> = {
  bash: '--noprofile --norc -e -o pipefail {0}',
  sh: '-e {0}'
}

export interface ShellCommand {
  command: string
  args: string[]
}

/** Why a `shell:` value cannot run here, or undefined when it can. */
export function shellProblem(shell: string): string | undefined {
  const s = shell.trim()
  if (s === '') return undefined
  const [command, ...rest] = s.split(/\s+/)
  if (!SUPPORTED_SHELLS.includes(command)) {
    return `shell '${s}' is not supported (only ${SUPPORTED_SHELLS.join(', ')}, optionally with arguments and {0})`
  }
  if (rest.length > 0 && !rest.join(' ').includes('{0}')) {
    return `shell '${s}': a shell with arguments must contain {0} where the script path goes`
  }
  return undefined
}

let bashAvailable: boolean | undefined
function hasBash(): boolean {
  bashAvailable ??= spawnSync('bash', ['-c', 'true']).status === 0
  return bashAvailable
}

/** The command line that runs `scriptPath`; throws for shells this runner does not support. */
export function shellCommand(shell: string, scriptPath: string): ShellCommand {
  const problem = shellProblem(shell)
  if (problem) throw new Error(problem)
  const s = shell.trim()
  const [named, ...rest] = s === '' ? ['sh'] : s.split(/\s+/)
  // Unspecified: the `sh` arguments, run by bash when there is one (so `bash -e {0}`).
  const command = s === '' && hasBash() ? 'bash' : named
  const format = rest.length > 0 ? rest : BUILT_IN_ARGS[named].split(' ')
  return { command, args: format.map(a => a.split('{0}').join(scriptPath)) }
}
