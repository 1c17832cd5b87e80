// deploy-bot: what BotCity's own deploy action does, without Python. Looks the bot up, deploys the
// version when Maestro does not have it (or replaces the package of a version it has), uploads the
// package exactly once, and releases it when asked. Every input, the package included, is checked
// before the first request; a folder is zipped while it is sent, so nothing grows with its size.
import { open, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import {
  MaestroClient,
  MaestroHttpError,
  withHint,
  type BotTechnology,
  type BotVersion,
  type ReopenableSource,
  type TransferResult
} from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import { archiveEntryName, zipStream } from '../shared/files.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import {
  ActionInputError,
  createInputReader,
  invalidInput,
  parseOneLine,
  refuseControlChars
} from '../shared/inputs.js'
import { formatSize, plural, setOutputs, writeSummary } from '../shared/summary.js'

export const Inputs = {
  ...ConnectionInputs,
  botId: 'bot-id',
  version: 'version',
  technology: 'technology',
  path: 'path',
  repositoryLabel: 'repository-label',
  botCommand: 'bot-command',
  release: 'release'
} as const

export const Outputs = {
  botId: 'bot-id',
  version: 'version',
  deployed: 'deployed',
  released: 'released',
  size: 'size',
  sha256: 'sha256'
} as const

export const TECHNOLOGIES = ['python', 'java', 'javascript', 'typescript', 'command'] as const
export type Technology = (typeof TECHNOLOGIES)[number]

export const DEFAULT_REPOSITORY_LABEL = 'DEFAULT'
/** Bot ids, versions and repository labels longer than this are refused (a pasted file, not a name). */
export const MAX_NAME_LENGTH = 255
export const MAX_COMMAND_LENGTH = 4096
/** Per file in a zip built on the fly: local header, data descriptor and central directory entry. */
const ZIP_ENTRY_OVERHEAD = 128

// Names and paths are `text` with their own grammar (`invalid`): `path` is one package or folder,
// not patterns (the workspace itself, `.`, is a valid bot folder; folders above it are not). The
// bad-input test's workspace holds `bot.zip` and a plain `report.txt`.
export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.botId]: {
    kind: 'text',
    required: true,
    example: 'invoice-bot',
    invalid: ['invoice/bot', 'a\\b', '..', 'bot\u0007', 'b'.repeat(MAX_NAME_LENGTH + 1)]
  },
  [Inputs.version]: {
    kind: 'text',
    required: true,
    example: '1.4.0',
    invalid: ['1.4/0', '.', '1.4\u001b', 'v'.repeat(MAX_NAME_LENGTH + 1)]
  },
  [Inputs.technology]: { kind: 'enum', values: TECHNOLOGIES, required: true },
  [Inputs.path]: {
    kind: 'text',
    required: true,
    example: 'bot.zip',
    invalid: ['no/such/bot.zip', 'report.txt', '..', '/', 'bot.zip\u0007']
  },
  [Inputs.repositoryLabel]: { kind: 'text', invalid: ['team/ops', '..'] },
  // Any command is refused for the example technology (python).
  [Inputs.botCommand]: { kind: 'text', invalid: ['./run.sh'] },
  [Inputs.release]: { kind: 'boolean' }
} as const satisfies InputKindTable<typeof Inputs>

/**
 * A bot id, version or repository label: it becomes a URL path segment or a label, so slashes,
 * control characters and `.`/`..` are refused rather than encoded into something else.
 */
export function parseName(input: string, raw: string, example: string): string {
  const accepted = `a name without / or \\ or control characters, at most ${MAX_NAME_LENGTH} characters, e.g. ${example}`
  const value = parseOneLine(input, raw, {
    accepted,
    maxLength: MAX_NAME_LENGTH,
    controlProblem: 'Control characters are not allowed'
  })
  if (/[/\\]/.test(value)) throw invalidInput(input, 'Slashes are not allowed', value, accepted)
  if (/^\.+$/.test(value)) throw invalidInput(input, 'Not a name', value, accepted)
  return value
}

/**
 * `bot-command` (not `command`: the root action uses that name to pick the action): required for
 * the command technology, refused for the others (a command there would
 * be silently dropped by Maestro, which usually means the technology is wrong).
 */
export function parseCommand(
  input: string,
  raw: string,
  technology: Technology,
  technologyInput: string
): string | null {
  const value = raw.trim()
  if (technology !== 'command') {
    if (value === '') return null
    throw invalidInput(
      input,
      `Only used with '${technologyInput}: command' (this bot is ${technology})`,
      value,
      `no '${input}' for ${technology} bots, or '${technologyInput}: command' to run a command line`
    )
  }
  const accepted = `the command line the Runner starts, one line, at most ${MAX_COMMAND_LENGTH} characters, e.g. ./run.sh --prod`
  if (value === '')
    throw new ActionInputError(
      input,
      `Required with '${technologyInput}: command', but empty. Accepted: ${accepted}`
    )
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value))
    throw invalidInput(
      input,
      'Line breaks and control characters are not allowed',
      JSON.stringify(value),
      accepted
    )
  if (value.length > MAX_COMMAND_LENGTH) throw invalidInput(input, 'Too long', value, accepted)
  return value
}

export interface PackageFile {
  path: string
  /** Name inside the zip: relative to the folder, forward slashes. */
  entryName: string
  size: number
}

/** What is uploaded: a package file as it is, or a folder zipped while it is sent. */
export type BotPackage =
  | { kind: 'file'; path: string; fileName: string; format: 'zip' | 'tar.gz'; size: number }
  | { kind: 'folder'; path: string; fileName: string; files: PackageFile[]; sizeBound: number }

const PATH_ACCEPTED =
  'a .zip, .tar.gz or .tgz file, or a folder (zipped while uploading), relative to the workspace'

function packageFormat(file: string): 'zip' | 'tar.gz' | undefined {
  if (/\.zip$/i.test(file)) return 'zip'
  if (/\.(tar\.gz|tgz)$/i.test(file)) return 'tar.gz'
  return undefined
}

/** First bytes of each format: a renamed file is caught before anything is sent. */
async function startsLike(file: string, format: 'zip' | 'tar.gz'): Promise<boolean> {
  const handle = await open(file, 'r')
  try {
    const head = Buffer.alloc(4)
    const { bytesRead } = await handle.read(head, 0, 4, 0)
    if (format === 'tar.gz') return bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b
    // A local file header, or the end record of an empty zip.
    return (
      bytesRead === 4 &&
      head[0] === 0x50 &&
      head[1] === 0x4b &&
      ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))
    )
  } finally {
    await handle.close()
  }
}

/**
 * Every regular file under `root`, sorted, hidden files included. Symbolic links to files are
 * followed; links to folders are not (no cycles, nothing from outside the folder by surprise).
 */
async function listFolder(root: string): Promise<PackageFile[]> {
  const found: PackageFile[] = []
  const pending = [root]
  while (pending.length > 0) {
    const dir = pending.pop()!
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        pending.push(full)
        continue
      }
      const info = entry.isFile()
        ? await stat(full)
        : entry.isSymbolicLink()
          ? await stat(full).catch(() => undefined)
          : undefined
      if (info?.isFile()) {
        found.push({ path: full, entryName: archiveEntryName(full, root), size: info.size })
      }
    }
  }
  return found.sort((a, b) => (a.entryName < b.entryName ? -1 : a.entryName > b.entryName ? 1 : 0))
}

/**
 * An upper bound of the size of the zip of `files`, to size the upload deadline when the zip is
 * built while it is sent: deflate grows incompressible data by at most ~0.1 %, and each entry
 * adds headers and its name twice.
 */
export function zipSizeBound(files: readonly PackageFile[]): number {
  let total = 22 // end of central directory record
  for (const f of files) {
    total += Math.ceil(f.size * 1.001) + ZIP_ENTRY_OVERHEAD + 2 * Buffer.byteLength(f.entryName)
  }
  return total
}

/**
 * `path`: an existing .zip / .tar.gz / .tgz file whose first bytes match, or a folder with at
 * least one file. A folder that holds the workspace (`..`, `/`) is refused: that is not a bot.
 */
export async function parseBotPackage(
  input: string,
  raw: string,
  workspace: string
): Promise<BotPackage> {
  const value = raw.trim()
  if (value === '')
    throw new ActionInputError(input, `Required input is empty. Accepted: ${PATH_ACCEPTED}`)
  refuseControlChars(input, value, PATH_ACCEPTED, 'Control characters are not allowed in a path')
  const full = path.resolve(workspace, value)
  let info
  try {
    info = await stat(full)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'No file or folder at' : `Cannot read (${code})`
    throw invalidInput(input, `${why} ${full}`, value, PATH_ACCEPTED)
  }
  if (info.isDirectory()) {
    const fromWorkspace = path.relative(full, path.resolve(workspace))
    if (fromWorkspace !== '' && !fromWorkspace.startsWith('..') && !path.isAbsolute(fromWorkspace))
      throw invalidInput(
        input,
        `The folder ${full} holds the whole workspace, not a bot`,
        value,
        PATH_ACCEPTED
      )
    const files = await listFolder(full)
    if (files.length === 0)
      throw invalidInput(input, `The folder ${full} holds no files`, value, PATH_ACCEPTED)
    return {
      kind: 'folder',
      path: full,
      fileName: `${path.basename(full)}.zip`,
      files,
      sizeBound: zipSizeBound(files)
    }
  }
  if (!info.isFile())
    throw invalidInput(input, `Not a regular file or folder: ${full}`, value, PATH_ACCEPTED)
  const format = packageFormat(full)
  if (!format)
    throw invalidInput(input, `Not a .zip, .tar.gz or .tgz file: ${full}`, value, PATH_ACCEPTED)
  if (!(await startsLike(full, format)))
    throw invalidInput(
      input,
      `The file ${full} is named .${format === 'zip' ? 'zip' : 'tar.gz/.tgz'} but is not a ${format === 'zip' ? 'zip archive' : 'gzip file'}`,
      value,
      PATH_ACCEPTED
    )
  return { kind: 'file', path: full, fileName: path.basename(full), format, size: info.size }
}

function uploadSource(pkg: BotPackage): string | ReopenableSource {
  if (pkg.kind === 'file') return pkg.path
  return {
    fileName: pkg.fileName,
    // A fresh zip for each attempt: a send refused before it reached the server re-zips from the start.
    open: () =>
      zipStream(
        pkg.files.map(f => f.path),
        pkg.path
      ),
    sizeHint: pkg.sizeBound
  }
}

/**
 * What a failed upload leaves behind. An HTTP error status means Maestro refused the package; a
 * broken connection may have come after it was stored, so then the message cannot say which.
 */
export function uploadFailureHint(
  error: unknown,
  botId: string,
  version: string,
  deployed: boolean
): string {
  const refused = error instanceof MaestroHttpError
  const bot = `bot '${botId}' version '${version}'`
  if (deployed)
    return refused
      ? `This run deployed ${bot}, which has no package yet: run this step again to upload it (the version exists now, so the next run only uploads).`
      : `This run deployed ${bot}; whether its package was stored is unknown: run this step again to upload it (the version exists now, so the next run replaces its package, never adds a second one).`
  return refused
    ? `Bot '${botId}' version '${version}' existed before this run and keeps the package it had.`
    : `Bot '${botId}' version '${version}' existed before this run; whether its package was replaced is unknown: run this step again to replace it.`
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
}

export async function run(core: ActionCore, options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env
  const connection = readConnection(core, { env, action: 'deploy-bot' })
  const inputs = createInputReader(core)
  const botId = parseName(Inputs.botId, inputs.raw(Inputs.botId), 'invoice-bot')
  const version = parseName(Inputs.version, inputs.raw(Inputs.version), '1.4.0')
  const technology = inputs.enum(Inputs.technology, { values: TECHNOLOGIES })
  const repositoryLabel =
    inputs.raw(Inputs.repositoryLabel) === ''
      ? DEFAULT_REPOSITORY_LABEL
      : parseName(Inputs.repositoryLabel, inputs.raw(Inputs.repositoryLabel), 'DEFAULT')
  const command = parseCommand(
    Inputs.botCommand,
    inputs.raw(Inputs.botCommand),
    technology,
    Inputs.technology
  )
  const release = inputs.boolean(Inputs.release, false)
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const pkg = await parseBotPackage(Inputs.path, inputs.raw(Inputs.path), workspace)
  const apiTechnology = technology.toUpperCase() as BotTechnology

  const client = new MaestroClient(connection)
  let deployed = false
  let released = false
  let existing: BotVersion | undefined
  let transfer: TransferResult
  try {
    const versions = await client.getBotVersions(botId)
    existing = versions.find(v => String(v.version) === version)
    if (existing === undefined) {
      core.info(
        versions.length === 0
          ? `Bot '${botId}' is not in this workspace yet: deploying version '${version}' (${apiTechnology}).`
          : `Bot '${botId}' has no version '${version}' (it has ${versions.map(v => `'${String(v.version)}'`).join(', ')}): deploying it (${apiTechnology}).`
      )
      await client.deployBot({
        botId,
        version,
        technology: apiTechnology,
        command,
        repositoryLabel
      })
      deployed = true
    } else {
      core.info(`Bot '${botId}' version '${version}' exists: replacing its package.`)
      const current = String(existing.technology ?? '')
      if (current !== '' && current.toUpperCase() !== apiTechnology) {
        core.warning(
          `Bot '${botId}' version '${version}' was deployed as ${current}, not ${apiTechnology}; only its package is replaced (deploy a new version to change the technology).`
        )
      }
    }
    try {
      // Never sent twice once Maestro may have received it: the contract does not say a second
      // upload of the same version is harmless.
      transfer = await client.uploadBot(botId, version, uploadSource(pkg), { exactlyOnce: true })
    } catch (e) {
      throw withHint(e, uploadFailureHint(e, botId, version, deployed))
    }
    core.info(
      `Uploaded ${pkg.fileName} to bot '${botId}' version '${version}': ${formatSize(transfer.size)}, sha256 ${transfer.sha256}`
    )
    if (release) {
      try {
        await client.releaseBot(botId, version)
      } catch (e) {
        // The upload stands: say so, and leave the outputs for a later `if: failure()` step.
        setOutputs(core, {
          [Outputs.botId]: botId,
          [Outputs.version]: version,
          [Outputs.deployed]: deployed,
          [Outputs.released]: false,
          [Outputs.size]: transfer.size,
          [Outputs.sha256]: transfer.sha256
        })
        throw withHint(
          e,
          `${deployed ? `This run deployed bot '${botId}' version '${version}' and uploaded` : `This run replaced the package of bot '${botId}' version '${version}' with`} ${pkg.fileName} (${transfer.size} bytes, sha256 ${transfer.sha256}), but did not release it: run this step again, or release the version in Maestro.`
        )
      }
      released = true
      core.info(`Released bot '${botId}' version '${version}'.`)
    }
  } finally {
    await client.close()
  }

  setOutputs(core, {
    [Outputs.botId]: botId,
    [Outputs.version]: version,
    [Outputs.deployed]: deployed,
    [Outputs.released]: released,
    [Outputs.size]: transfer.size,
    [Outputs.sha256]: transfer.sha256
  })
  await writeSummary(core, {
    title: deployed
      ? `Bot ${botId} version ${version} deployed to Maestro`
      : `Bot ${botId} version ${version} updated in Maestro`,
    rows: [
      ['Bot', botId],
      ['Version', version],
      ['Technology', deployed ? apiTechnology : String(existing?.technology ?? apiTechnology)],
      ['Command', deployed ? (command ?? undefined) : undefined],
      ['Repository', deployed ? repositoryLabel : undefined],
      [
        'Package',
        pkg.kind === 'file'
          ? pkg.fileName
          : `${pkg.fileName} (folder ${path.basename(pkg.path)} zipped while uploading, ${plural(pkg.files.length, 'file')})`
      ],
      ['Size', formatSize(transfer.size)],
      ['SHA-256', transfer.sha256],
      [
        'Deploy',
        deployed ? 'deployed (new version)' : 'updated (package of an existing version replaced)'
      ],
      ['Released', released ? 'yes' : 'no']
    ]
  })
}
