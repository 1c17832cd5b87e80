// The two ways a step talks to the runner: workflow commands printed on stdout
// (`::name key=value,...::message`) and file commands (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE,
// GITHUB_PATH). Parsers only; what the commands do is the job runner's business.

export interface WorkflowCommand {
  /** Lower-cased command name, e.g. `add-mask`, `error`, `set-output`. */
  command: string
  properties: Record<string, string>
  message: string
}

/** `%25`, `%0D`, `%0A` in a command's message, as @actions/core escapes them. */
export function unescapeData(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
}

/** A property value also escapes `:` and `,`. */
export function unescapeProperty(s: string): string {
  return s
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%25/g, '%')
}

/** Parses one output line; undefined when it is not a workflow command. */
export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const text = line.replace(/\r$/, '')
  const at = text.indexOf('::')
  // The runner accepts leading whitespace before `::`, nothing else.
  if (at < 0 || text.slice(0, at).trim() !== '') return undefined
  const body = text.slice(at + 2)
  const end = body.indexOf('::')
  if (end < 0) return undefined
  const head = body.slice(0, end)
  const message = unescapeData(body.slice(end + 2))
  const space = head.indexOf(' ')
  const command = (space < 0 ? head : head.slice(0, space)).trim().toLowerCase()
  if (!command || !/^[a-z0-9_-]+$/.test(command)) return undefined
  const properties: Record<string, string> = {}
  if (space >= 0) {
    for (const part of head.slice(space + 1).split(',')) {
      const eq = part.indexOf('=')
      if (eq <= 0) continue
      properties[part.slice(0, eq).trim()] = unescapeProperty(part.slice(eq + 1))
    }
  }
  return { command, properties, message }
}

export class FileCommandError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FileCommandError'
  }
}

/**
 * GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE content: `name=value` lines and heredocs
 * (`name<<DELIMITER`, value lines, `DELIMITER`). Later entries win. Errors as the runner's do.
 */
export function parseKeyValueFile(content: string, fileName: string): Map<string, string> {
  const out = new Map<string, string>()
  const lines = content.split('\n').map(l => l.replace(/\r$/, ''))
  // A trailing newline is not an extra empty line.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    const eq = line.indexOf('=')
    const hd = line.indexOf('<<')
    if (eq >= 0 && (hd < 0 || eq < hd)) {
      const key = line.slice(0, eq)
      if (!key)
        throw new FileCommandError(`${fileName}: invalid format '${line}': name must not be empty`)
      out.set(key, line.slice(eq + 1))
    } else if (hd >= 0) {
      const key = line.slice(0, hd)
      const delimiter = line.slice(hd + 2)
      if (!key)
        throw new FileCommandError(`${fileName}: invalid format '${line}': name must not be empty`)
      if (!delimiter) {
        throw new FileCommandError(
          `${fileName}: invalid format '${line}': delimiter must not be empty`
        )
      }
      const value: string[] = []
      let closed = false
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true
          break
        }
        value.push(lines[i])
      }
      if (!closed) {
        throw new FileCommandError(
          `${fileName}: matching delimiter not found '${delimiter}' for '${key}'`
        )
      }
      out.set(key, value.join('\n'))
    } else {
      throw new FileCommandError(`${fileName}: invalid format '${line}'`)
    }
  }
  return out
}

/** GITHUB_PATH: one folder a line. */
export function parsePathFile(content: string): string[] {
  return content
    .split('\n')
    .map(l => l.replace(/\r$/, '').trim())
    .filter(l => l !== '')
}
