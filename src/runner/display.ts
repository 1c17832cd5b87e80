// What a person watching the run sees. Every line goes through the secret masker first. Colour
// only on a TTY with NO_COLOR unset; plain text otherwise (logs, tests, pipes).
import type { WorkflowCommand } from './commands.js'
import type { SecretMasker } from './masker.js'

export interface TextSink {
  write(text: string): unknown
  isTTY?: boolean
}

export type Outcome = 'success' | 'failure' | 'cancelled' | 'skipped'

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  cyan: [36, 39]
} as const
type Style = keyof typeof CODES

export function useColor(sink: TextSink, env: NodeJS.ProcessEnv = process.env): boolean {
  // no-color.org: NO_COLOR set to anything but the empty string turns colour off.
  return sink.isTTY === true && !env.NO_COLOR
}

export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`
  const m = Math.floor(ms / 60_000)
  return `${m} min ${Math.round((ms % 60_000) / 1000)} s`
}

export interface DisplayOptions {
  sink: TextSink
  masker: SecretMasker
  color?: boolean
  /** Show `::debug::` lines (GitHub shows them with ACTIONS_STEP_DEBUG). */
  debug?: boolean
}

const DEPRECATED: Record<string, string> = {
  'set-output':
    'The `set-output` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.',
  'save-state':
    'The `save-state` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.'
}
const DISABLED = ['set-env', 'add-path']
// Handled elsewhere or meaningless here (problem matchers annotate GitHub's UI only).
const SILENT = ['add-mask', 'echo', 'stop-commands', 'add-matcher', 'remove-matcher']

export class Display {
  private readonly color: boolean
  private depth = 0
  /** Everything written, masked and without colour: what tests read. */
  text = ''

  constructor(private readonly opts: DisplayOptions) {
    this.color = opts.color ?? useColor(opts.sink)
  }

  private paint(style: Style, s: string): string {
    if (!this.color) return s
    const [on, off] = CODES[style]
    return `\u001b[${on}m${s}\u001b[${off}m`
  }

  /** Writes lines, masked; `style` applies to the whole line. */
  private emit(line: string, style?: Style): void {
    const masked = this.opts.masker.mask(line)
    // eslint-disable-next-line no-control-regex
    this.text += `${masked.replace(/\u001b\[[0-9;]*m/g, '')}\n`
    this.opts.sink.write(`${style ? this.paint(style, masked) : masked}\n`)
  }

  private indent(): string {
    return '  '.repeat(this.depth + 1)
  }

  jobStart(workflow: string, jobId: string, file: string): void {
    this.emit(`${this.paint('bold', `Job ${jobId}`)} — ${workflow} (${file})`)
  }

  stepStart(name: string): void {
    this.depth = 0
    this.emit(`${this.paint('blue', '▶')} ${this.paint('bold', name)}`)
  }

  /** A line of the step's own output. */
  output(text: string): void {
    this.emit(`${this.indent()}${text}`)
  }

  /** The runner's own messages inside a step. */
  info(message: string): void {
    for (const l of message.split('\n')) this.emit(`${this.indent()}${l}`, 'dim')
  }

  annotation(kind: 'error' | 'warning' | 'notice', message: string, where?: string): void {
    const label = { error: 'Error', warning: 'Warning', notice: 'Notice' }[kind]
    const style: Style = kind === 'error' ? 'red' : kind === 'warning' ? 'yellow' : 'cyan'
    const lines = message.split('\n')
    const suffix = where ? ` (${where})` : ''
    this.emit(`${this.indent()}${label}: ${lines[0]}${suffix}`, style)
    for (const l of lines.slice(1)) this.emit(`${this.indent()}  ${l}`, style)
  }

  command(cmd: WorkflowCommand, raw: string): void {
    const p = cmd.properties
    switch (cmd.command) {
      case 'error':
      case 'warning':
      case 'notice': {
        let where = p.file ?? ''
        if (where && p.line) where += `:${p.line}${p.col ? `:${p.col}` : ''}`
        const message = p.title ? `${p.title}: ${cmd.message}` : cmd.message
        this.annotation(cmd.command, message, where || undefined)
        return
      }
      case 'debug':
        if (this.opts.debug)
          for (const l of cmd.message.split('\n')) this.emit(`${this.indent()}Debug: ${l}`, 'dim')
        return
      case 'group':
        this.emit(`${this.indent()}${this.paint('cyan', '▾')} ${cmd.message}`)
        this.depth++
        return
      case 'endgroup':
        this.depth = Math.max(0, this.depth - 1)
        return
      case 'set-output':
      case 'save-state':
        this.annotation('warning', DEPRECATED[cmd.command])
        return
      default:
        if (DISABLED.includes(cmd.command)) {
          this.annotation(
            'error',
            `The \`${cmd.command}\` command is disabled. Please upgrade to using Environment Files.`
          )
        } else if (!SILENT.includes(cmd.command)) {
          this.output(raw)
        }
    }
  }

  stepEnd(name: string, outcome: Outcome, conclusion: Outcome, ms: number): void {
    this.depth = 0
    if (outcome === 'skipped') {
      this.emit(`${this.paint('dim', `- ${name} (skipped)`)}`)
      return
    }
    const time = formatDuration(ms)
    if (outcome === 'success') this.emit(`${this.paint('green', '✓')} ${name} (${time})`)
    else if (outcome === 'cancelled')
      this.emit(`${this.paint('yellow', '⊘')} ${name} (cancelled, ${time})`)
    else if (conclusion === 'success') {
      this.emit(`${this.paint('yellow', '✗')} ${name} (${time}; failed, continue-on-error)`)
    } else this.emit(`${this.paint('red', '✗')} ${name} (${time})`)
  }

  summary(markdown: string): void {
    this.emit('')
    this.emit(this.paint('bold', 'Job summary'))
    for (const l of markdown.replace(/\n+$/, '').split('\n')) this.emit(`  ${l}`)
  }

  jobEnd(jobId: string, result: string, ms: number): void {
    this.emit('')
    const word =
      { success: 'succeeded', failure: 'failed', cancelled: 'was cancelled' }[result] ?? result
    const style: Style = result === 'success' ? 'green' : result === 'failure' ? 'red' : 'yellow'
    this.emit(
      this.paint(style, this.paint('bold', `Job ${jobId} ${word}`)) + ` (${formatDuration(ms)})`
    )
  }

  /** A message outside any step (job skipped, job-level errors). */
  note(message: string, style?: Style): void {
    for (const l of message.split('\n')) this.emit(l, style)
  }
}
