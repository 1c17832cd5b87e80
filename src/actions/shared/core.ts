// The subset of @actions/core that action logic uses. Logic takes this as a parameter so tests pass
// a plain recording object (see __tests__/support/core-stub.ts) instead of mocking modules; only an
// action's entry file (`src/actions/<name>/index.ts`) binds the real `@actions/core` namespace,
// which satisfies this interface structurally.

export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

export interface InputOptions {
  required?: boolean
  trimWhitespace?: boolean
}

export type SummaryTableCell = {
  data: string
  header?: boolean
  colspan?: string
  rowspan?: string
}
export type SummaryTableRow = (SummaryTableCell | string)[]

/** The part of `core.summary` we use; every builder method returns the same summary. */
export interface ActionSummary {
  addHeading(text: string, level?: number | string): ActionSummary
  addTable(rows: SummaryTableRow[]): ActionSummary
  addLink(text: string, href: string): ActionSummary
  addRaw(text: string, addEOL?: boolean): ActionSummary
  addEOL(): ActionSummary
  addList(items: string[], ordered?: boolean): ActionSummary
  write(options?: { overwrite?: boolean }): Promise<ActionSummary>
  emptyBuffer(): ActionSummary
}

export interface ActionCore {
  getInput(name: string, options?: InputOptions): string
  setOutput(name: string, value: unknown): void
  setSecret(secret: string): void
  exportVariable(name: string, value: unknown): void
  info(message: string): void
  debug(message: string): void
  notice(message: string | Error, properties?: AnnotationProperties): void
  warning(message: string | Error, properties?: AnnotationProperties): void
  error(message: string | Error, properties?: AnnotationProperties): void
  setFailed(message: string | Error): void
  saveState(name: string, value: unknown): void
  getState(name: string): string
  isDebug(): boolean
  startGroup(name: string): void
  endGroup(): void
  summary: ActionSummary
}
