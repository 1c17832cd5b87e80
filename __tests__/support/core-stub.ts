// A recording stand-in for @actions/core, for unit tests of logic that takes an ActionCore.
// `lines` holds what the real module would print to stdout, escaped exactly like @actions/core
// (`::name key=value,...::data`), so tests can count `::error` lines and look for leaks.
import type {
  ActionCore,
  ActionSummary,
  AnnotationProperties,
  InputOptions,
  SummaryTableRow
} from '../../src/actions/shared/core.js'

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  properties: AnnotationProperties
}

export interface CoreStub extends ActionCore {
  inputs: Record<string, string>
  /** stdout as the real module would write it, one entry per line */
  lines: string[]
  outputs: Record<string, string>
  exported: Record<string, string>
  secrets: string[]
  savedState: Record<string, string>
  annotations: Annotation[]
  debugMessages: string[]
  infoMessages: string[]
  /** summary text written by summary.write() calls */
  summaryWritten: string
  failed: boolean
  /** all the text this stub recorded, for leak checks */
  allText(): string
}

export interface CoreStubOptions {
  inputs?: Record<string, string>
  state?: Record<string, string>
  debug?: boolean
  /** make summary.write() reject, as it does without GITHUB_STEP_SUMMARY */
  summaryWriteFails?: boolean
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
const toText = (v: unknown) =>
  v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v)

function command(name: string, props: Record<string, unknown>, data: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',')
  return `::${name}${p ? ` ${p}` : ''}::${escapeData(data)}`
}

class StubSummary implements ActionSummary {
  buffer = ''
  constructor(
    private readonly stub: CoreStub,
    private readonly fails: boolean
  ) {}
  private wrap(tag: string, content: string, attrs: Record<string, string> = {}) {
    const a = Object.entries(attrs)
      .map(([k, v]) => ` ${k}="${v}"`)
      .join('')
    return `<${tag}${a}>${content}</${tag}>`
  }
  addRaw(text: string, addEOL = false) {
    this.buffer += text + (addEOL ? '\n' : '')
    return this
  }
  addEOL() {
    return this.addRaw('\n')
  }
  addHeading(text: string, level: number | string = 1) {
    return this.addRaw(this.wrap(`h${level}`, text)).addEOL()
  }
  addLink(text: string, href: string) {
    return this.addRaw(this.wrap('a', text, { href })).addEOL()
  }
  addList(items: string[], ordered = false) {
    const tag = ordered ? 'ol' : 'ul'
    return this.addRaw(this.wrap(tag, items.map(i => this.wrap('li', i)).join(''))).addEOL()
  }
  addTable(rows: SummaryTableRow[]) {
    const body = rows
      .map(row =>
        this.wrap(
          'tr',
          row
            .map(c =>
              typeof c === 'string' ? this.wrap('td', c) : this.wrap(c.header ? 'th' : 'td', c.data)
            )
            .join('')
        )
      )
      .join('')
    return this.addRaw(this.wrap('table', body)).addEOL()
  }
  emptyBuffer() {
    this.buffer = ''
    return this
  }
  async write(options: { overwrite?: boolean } = {}) {
    if (this.fails) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.')
    this.stub.summaryWritten = (options.overwrite ? '' : this.stub.summaryWritten) + this.buffer
    this.buffer = ''
    return this
  }
}

export function createCoreStub(options: CoreStubOptions = {}): CoreStub {
  const annotate =
    (level: Annotation['level']) =>
    (message: string | Error, properties: AnnotationProperties = {}) => {
      const text = message instanceof Error ? message.toString() : message
      stub.annotations.push({ level, message: text, properties })
      stub.lines.push(
        command(
          level,
          { title: properties.title, file: properties.file, line: properties.startLine },
          text
        )
      )
    }
  const stub: CoreStub = {
    inputs: { ...options.inputs },
    lines: [],
    outputs: {},
    exported: {},
    secrets: [],
    savedState: {},
    annotations: [],
    debugMessages: [],
    infoMessages: [],
    summaryWritten: '',
    failed: false,
    getInput(name: string, o?: InputOptions) {
      const value = stub.inputs[name] ?? ''
      if (o?.required && !value) throw new Error(`Input required and not supplied: ${name}`)
      return o?.trimWhitespace === false ? value : value.trim()
    },
    setOutput(name, value) {
      stub.outputs[name] = toText(value)
    },
    setSecret(secret) {
      stub.secrets.push(secret)
      stub.lines.push(command('add-mask', {}, secret))
    },
    exportVariable(name, value) {
      stub.exported[name] = toText(value)
    },
    info(message) {
      stub.infoMessages.push(message)
      stub.lines.push(...message.split('\n'))
    },
    debug(message) {
      stub.debugMessages.push(message)
      stub.lines.push(command('debug', {}, message))
    },
    notice: annotate('notice'),
    warning: annotate('warning'),
    error: annotate('error'),
    setFailed(message) {
      stub.failed = true
      stub.error(message)
    },
    saveState(name, value) {
      stub.savedState[name] = toText(value)
    },
    getState(name) {
      return options.state?.[name] ?? ''
    },
    isDebug: () => options.debug ?? false,
    startGroup(name) {
      stub.lines.push(command('group', {}, name))
    },
    endGroup() {
      stub.lines.push('::endgroup::')
    },
    summary: undefined as unknown as ActionSummary,
    allText() {
      return [
        ...stub.lines,
        JSON.stringify(stub.outputs),
        JSON.stringify(stub.exported),
        JSON.stringify(stub.savedState),
        stub.summaryWritten
      ].join('\n')
    }
  }
  stub.summary = new StubSummary(stub, options.summaryWriteFails ?? false)
  return stub
}

/** The lines that are `::error` commands. */
export function errorLines(stub: CoreStub): string[] {
  return stub.lines.filter(l => l.startsWith('::error'))
}
