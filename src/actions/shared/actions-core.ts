// The runner protocol (workflow commands on stdout, GITHUB_* environment files), written exactly as
// @actions/core 3 writes it; the core-binding test runs both and compares every byte. Why not
// @actions/core itself: it imports @actions/http-client (for OIDC tokens, which no action here
// asks for), and that loads all of undici, fetch and WebSocket included, at start-up: about 40 ms
// of a one-call step's 0.15 s under Node 24.
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync, constants as fsConstants } from 'node:fs'
import { access, appendFile, writeFile } from 'node:fs/promises'
import { EOL } from 'node:os'
import type {
  ActionCore,
  ActionSummary,
  AnnotationProperties,
  InputOptions,
  SummaryTableRow
} from './core.js'

function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return ''
  if (typeof input === 'string' || input instanceof String) return String(input)
  return JSON.stringify(input)
}

const escapeData = (s: unknown): string =>
  toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

const escapeProperty = (s: unknown): string =>
  escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

type Properties = Record<string, unknown>

function issueCommand(command: string, properties: Properties, message: unknown): void {
  let text = `::${command}`
  const set = Object.entries(properties).filter(([, v]) => v)
  if (Object.keys(properties).length > 0) {
    text += ` ${set.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',')}`
  }
  process.stdout.write(`${text}::${escapeData(message)}${EOL}`)
}

function issueFileCommand(command: string, message: string): void {
  const filePath = process.env[`GITHUB_${command}`]
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`)
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`)
  appendFileSync(filePath, `${message}${EOL}`, { encoding: 'utf8' })
}

function keyValueMessage(key: string, value: unknown): string {
  const delimiter = `ghadelimiter_${randomUUID()}`
  const converted = toCommandValue(value)
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  }
  if (converted.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  }
  return `${key}<<${delimiter}${EOL}${converted}${EOL}${delimiter}`
}

function annotation(properties: AnnotationProperties): Properties {
  if (Object.keys(properties).length === 0) return {}
  return {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn
  }
}

const text = (message: string | Error): string =>
  message instanceof Error ? message.toString() : message

function wrap(tag: string, content: string | null, attrs: Record<string, string> = {}): string {
  const html = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('')
  return content ? `<${tag}${html}>${content}</${tag}>` : `<${tag}${html}>`
}

class Summary implements ActionSummary {
  #buffer = ''
  #filePath: string | undefined

  async #path(): Promise<string> {
    if (this.#filePath) return this.#filePath
    const fromEnv = process.env.GITHUB_STEP_SUMMARY
    if (!fromEnv) {
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
      )
    }
    try {
      await access(fromEnv, fsConstants.R_OK | fsConstants.W_OK)
    } catch {
      throw new Error(
        `Unable to access summary file: '${fromEnv}'. Check if the file has correct read/write permissions.`
      )
    }
    this.#filePath = fromEnv
    return fromEnv
  }

  async write(options?: { overwrite?: boolean }): Promise<ActionSummary> {
    const path = await this.#path()
    await (options?.overwrite ? writeFile : appendFile)(path, this.#buffer, { encoding: 'utf8' })
    return this.emptyBuffer()
  }

  emptyBuffer(): ActionSummary {
    this.#buffer = ''
    return this
  }

  addRaw(raw: string, addEOL = false): ActionSummary {
    this.#buffer += raw
    return addEOL ? this.addEOL() : this
  }

  addEOL(): ActionSummary {
    return this.addRaw(EOL)
  }

  addList(items: string[], ordered = false): ActionSummary {
    const tag = ordered ? 'ol' : 'ul'
    return this.addRaw(wrap(tag, items.map(i => wrap('li', i)).join(''))).addEOL()
  }

  addTable(rows: SummaryTableRow[]): ActionSummary {
    const body = rows
      .map(row => {
        const cells = row.map(cell => {
          if (typeof cell === 'string') return wrap('td', cell)
          const { header, data, colspan, rowspan } = cell
          const attrs: Record<string, string> = {
            ...(colspan && { colspan }),
            ...(rowspan && { rowspan })
          }
          return wrap(header ? 'th' : 'td', data, attrs)
        })
        return wrap('tr', cells.join(''))
      })
      .join('')
    return this.addRaw(wrap('table', body)).addEOL()
  }

  addHeading(heading: string, level?: number | string): ActionSummary {
    const tag = `h${level}`
    const allowed = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag) ? tag : 'h1'
    return this.addRaw(wrap(allowed, heading)).addEOL()
  }

  addLink(linkText: string, href: string): ActionSummary {
    return this.addRaw(wrap('a', linkText, { href })).addEOL()
  }
}

export const core: ActionCore = {
  getInput(name: string, options?: InputOptions): string {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || ''
    if (options?.required && !val) throw new Error(`Input required and not supplied: ${name}`)
    return options?.trimWhitespace === false ? val : val.trim()
  },
  setOutput(name: string, value: unknown): void {
    if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', keyValueMessage(name, value))
    process.stdout.write(EOL)
    issueCommand('set-output', { name }, toCommandValue(value))
  },
  setSecret(secret: string): void {
    issueCommand('add-mask', {}, secret)
  },
  exportVariable(name: string, value: unknown): void {
    process.env[name] = toCommandValue(value)
    if (process.env.GITHUB_ENV) return issueFileCommand('ENV', keyValueMessage(name, value))
    issueCommand('set-env', { name }, toCommandValue(value))
  },
  info(message: string): void {
    process.stdout.write(message + EOL)
  },
  debug(message: string): void {
    issueCommand('debug', {}, message)
  },
  notice(message: string | Error, properties: AnnotationProperties = {}): void {
    issueCommand('notice', annotation(properties), text(message))
  },
  warning(message: string | Error, properties: AnnotationProperties = {}): void {
    issueCommand('warning', annotation(properties), text(message))
  },
  error(message: string | Error, properties: AnnotationProperties = {}): void {
    issueCommand('error', annotation(properties), text(message))
  },
  setFailed(message: string | Error): void {
    process.exitCode = 1
    core.error(message)
  },
  saveState(name: string, value: unknown): void {
    if (process.env.GITHUB_STATE) return issueFileCommand('STATE', keyValueMessage(name, value))
    issueCommand('save-state', { name }, toCommandValue(value))
  },
  getState(name: string): string {
    return process.env[`STATE_${name}`] || ''
  },
  isDebug(): boolean {
    return process.env.RUNNER_DEBUG === '1'
  },
  startGroup(name: string): void {
    issueCommand('group', {}, name)
  },
  endGroup(): void {
    issueCommand('endgroup', {}, '')
  },
  summary: new Summary()
}
