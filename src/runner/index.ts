// The local workflow runner's public surface.
export {
  dispatchInputs,
  runWorkflow,
  type RunWorkflowOptions,
  type RunWorkflowResult,
  type StepResult
} from './run.js'
export {
  runNodeAction,
  runStepProcess,
  type NodeActionResult,
  type RunNodeActionOptions,
  type StepEvent,
  type StepProcessResult
} from './protocol.js'
export { loadWorkflow, WorkflowError, type LoadedWorkflow, type Problem } from './workflow.js'
export {
  loadActionMetadata,
  resolveInputs,
  inputEnvName,
  type ActionMetadata
} from './action-metadata.js'
export {
  parseKeyValueFile,
  parsePathFile,
  parseWorkflowCommand,
  type WorkflowCommand
} from './commands.js'
export { SecretMasker } from './masker.js'
export { hashFiles } from './hash-files.js'
export { main, parseArgs, parseSecretsFile, type CliHooks } from './cli.js'
export { type CliOptions, USAGE, UsageError } from './cli.js'
export {
  cliMain,
  sandboxHooks,
  workflowAutomations,
  DEFAULT_EXAMPLE,
  DEMO_AUTOMATIONS,
  type SandboxHooksOptions
} from './start.js'
export {
  startBotRunner,
  parseBehaviour,
  type BotBehaviour,
  type BotPlay,
  type BotRunner,
  type BotRunnerOptions
} from './bot-runner.js'
export { renderReport, landedLines, summaryLines, formatBytes, type LandedState } from './report.js'
export { summaryToText } from './summary-text.js'
