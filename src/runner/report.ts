// The report printed after a run: what landed in Maestro (read from the sandbox's
// `GET /_sandbox/state`) and the steps' job summaries rendered as text. Every line goes through
// the caller's mask before it is printed.
import type { BotPlay } from './bot-runner.js'
import type { RunWorkflowResult } from './run.js'
import { summaryToText } from './summary-text.js'

/** The parts of the sandbox state the report reads. */
export interface LandedState {
  tasks: {
    id: number
    activityLabel: string
    state: string
    finishStatus: string | null
    finishMessage: string | null
    parameters?: Record<string, unknown>
    test?: boolean
    totalItems?: number | null
    processedItems?: number | null
    failedItems?: number | null
  }[]
  artifacts: {
    id: number
    taskId: number
    name: string
    fileName: string
    size: number | null
    sha256: string | null
  }[]
  logs: {
    activityLabel: string
    columns: { name: string; label: string }[]
    entries: { columns: Record<string, unknown>; dateCreation: string }[]
  }[]
  alerts: { id: number; taskId: number; type: string; title: string; message: string }[]
  /** Bot versions deployed (the sandbox lists them by bot); absent in older states. */
  bots?: {
    botId: string
    released: string | null
    versions: {
      version: string
      technology: string
      upload: { fileName: string; size: number; sha256: string } | null
    }[]
  }[]
}

export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} byte${bytes === 1 ? '' : 's'}`
  if (bytes < 1000) return exact
  const units = ['kB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = ''
  for (const u of units) {
    if (value < 1000) break
    value /= 1000
    unit = u
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${unit} (${exact})`
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)
}

/** What landed in Maestro, as lines (not yet masked). */
export function landedLines(state: LandedState, plays: BotPlay[] = []): string[] {
  const out: string[] = []
  const played = new Map(plays.map(p => [p.taskId, p]))

  // Only when a step deployed a bot: most workflows never do, and their report stays as it was.
  if (state.bots && state.bots.length > 0) {
    out.push('Bots')
    for (const b of state.bots) {
      for (const v of b.versions) {
        const released = b.released === v.version ? ' (released)' : ''
        const pkg = v.upload
          ? `${v.upload.fileName}: ${formatBytes(v.upload.size)}  sha256 ${v.upload.sha256.slice(0, 12)}…`
          : 'no package'
        out.push(`  ${b.botId} ${v.version}${released}, ${v.technology}: ${pkg}`)
      }
    }
    out.push('')
  }

  out.push('Tasks')
  if (state.tasks.length === 0) out.push('  none')
  for (const t of state.tasks) {
    const status = t.finishStatus ? ` ${t.finishStatus}` : ''
    const message = t.finishMessage ? `  "${t.finishMessage}"` : ''
    const items =
      t.totalItems !== null && t.totalItems !== undefined
        ? `  items: ${t.processedItems ?? 0} processed, ${t.failedItems ?? 0} failed of ${t.totalItems}`
        : ''
    out.push(`  #${t.id} ${t.activityLabel}: ${t.state}${status}${message}${items}`)
    if (t.parameters && Object.keys(t.parameters).length > 0)
      out.push(`      parameters ${JSON.stringify(t.parameters)}`)
    const play = played.get(t.id)
    if (play) out.push(`      run by the simulated bot runner (finished ${play.finishStatus})`)
  }

  out.push('', 'Result files (artifacts)')
  if (state.artifacts.length === 0) out.push('  none')
  for (const a of state.artifacts) {
    const size = a.size === null ? 'no file' : formatBytes(a.size)
    const name = a.name && a.name !== a.fileName ? ` ("${a.name}")` : ''
    const sha = a.sha256 ? `  sha256 ${a.sha256.slice(0, 12)}…` : ''
    out.push(`  #${a.id} ${a.fileName}${name} on task #${a.taskId}: ${size}${sha}`)
  }

  out.push('', 'Execution logs')
  if (state.logs.length === 0) out.push('  none')
  for (const log of state.logs) {
    const n = log.entries.length
    out.push(
      `  ${log.activityLabel} (columns ${log.columns.map(c => c.label).join(', ')}): ${n} row${n === 1 ? '' : 's'}`
    )
    for (const e of log.entries) {
      const cells = log.columns.map(c => `${c.label}=${text(e.columns[c.label])}`)
      out.push(`      ${cells.join('  ')}`)
    }
  }

  out.push('', 'Alerts')
  if (state.alerts.length === 0) out.push('  none')
  for (const a of state.alerts) {
    out.push(`  #${a.id} ${a.type} on task #${a.taskId}: ${a.title}`)
    for (const l of a.message.split('\n')) if (l.trim()) out.push(`      ${l}`)
  }
  return out
}

/** The main steps' job summaries, rendered as text, one block per step. */
export function summaryLines(result: Pick<RunWorkflowResult, 'steps'>): string[] {
  const out: string[] = []
  for (const step of result.steps) {
    if (!step.summary.trim()) continue
    out.push(`  ▸ ${step.name}`)
    for (const l of summaryToText(step.summary).split('\n')) out.push(l ? `    ${l}` : '')
    out.push('')
  }
  if (out.length === 0) out.push('  none')
  while (out.at(-1) === '') out.pop()
  return out
}

export interface ReportInput {
  result: RunWorkflowResult
  /** The sandbox state; undefined against a real Maestro (there is no state to read). */
  state?: LandedState
  plays?: BotPlay[]
  /** Where Maestro was, for the title (already safe to print). */
  where: string
}

/** The whole report as text, masked with the run's masks. */
export function renderReport(input: ReportInput): string {
  const rule = '─'.repeat(72)
  const lines = [rule]
  if (input.state) {
    lines.push(
      `What landed in Maestro (${input.where})`,
      '',
      ...landedLines(input.state, input.plays)
    )
  } else {
    lines.push(`Maestro: ${input.where} (what landed there is in its own pages)`)
  }
  lines.push('', 'Job summaries', ...summaryLines(input.result), rule)
  return input.result.mask(`${lines.join('\n')}\n`)
}
