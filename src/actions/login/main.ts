// login: logs in to Maestro once, masks the access token and exports it as BOTCITY_ACCESS_TOKEN
// for the later steps of the job, so each of them makes only the request it is for. The token is
// never an output: like any exported secret it is visible to the later steps of this job only.
import { MaestroClient } from '../../maestro/index.js'
import {
  ConnectionEnv,
  ConnectionInputKinds,
  ConnectionInputs,
  MissingKeyError,
  readConnection
} from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import { ActionInputError, createInputReader } from '../shared/inputs.js'
import { maskSecret } from '../shared/secrets.js'
import { setOutputs, writeSummary } from '../shared/summary.js'

export const Inputs = { ...ConnectionInputs } as const

export const InputKinds = { ...ConnectionInputKinds } as const satisfies InputKindTable<
  typeof Inputs
>

export const Outputs = {
  server: 'server',
  login: 'login',
  organizationLabel: 'organization-label'
} as const

/** What the later steps of the job get (GITHUB_ENV). */
export const Exported = {
  token: ConnectionEnv.accessToken,
  server: ConnectionEnv.server,
  login: ConnectionEnv.login
} as const

function noKey(): ActionInputError {
  return new ActionInputError(
    Inputs.accessKey,
    `No access key given: the login action logs in with the workspace key (a ${Exported.token} from an earlier login is not enough to get a new one). Accepted: set the '${Inputs.accessKey}' input or the ${ConnectionEnv.key} environment variable, e.g. \${{ secrets.BOTCITY_KEY }}`
  )
}

export async function run(core: ActionCore): Promise<void> {
  // Masks the key and any token from an earlier login first.
  let connection
  try {
    connection = readConnection(core, { action: 'login' })
  } catch (e) {
    // Only a missing key: a key that is there but refused (too long) keeps its own message.
    throw e instanceof MissingKeyError ? noKey() : e
  }
  // readConnection accepts a token instead of a key; logging in needs the key itself.
  if (connection.key === undefined) throw noKey()
  const inputs = createInputReader(core)
  const serverFromInput = inputs.optional(Inputs.server) !== undefined
  const loginFromInput = inputs.optional(Inputs.login) !== undefined

  // A fresh login: a token from an earlier login step is neither reused nor sent.
  const options = { ...connection }
  delete options.accessToken
  const client = new MaestroClient(options)
  let organizationLabel: string | undefined
  let token: string
  try {
    const response = await client.login()
    token = response.accessToken
    organizationLabel =
      typeof response.organizationLabel === 'string' ? response.organizationLabel : undefined
  } finally {
    await client.close()
  }

  // The client's onSecret masked the token on arrival; this step's own guarantee does not rest on
  // it: nothing below runs before the token is masked.
  maskSecret(core, token)
  core.exportVariable(Exported.token, token)
  const exported: string[] = [Exported.token]
  if (serverFromInput) {
    core.exportVariable(Exported.server, connection.server)
    exported.push(Exported.server)
  }
  if (loginFromInput) {
    core.exportVariable(Exported.login, connection.login)
    exported.push(Exported.login)
  }

  setOutputs(core, {
    [Outputs.server]: connection.server,
    [Outputs.login]: connection.login,
    [Outputs.organizationLabel]: organizationLabel
  })
  core.info(
    `Logged in to ${connection.server} as '${connection.login}'. Exported for the later steps of this job: ${exported.join(', ')} (the token is masked).`
  )
  await writeSummary(core, {
    title: 'Logged in to BotCity Maestro',
    rows: [
      ['Server', connection.server],
      ['Login', connection.login],
      ['Organization', organizationLabel],
      ['Exported to later steps', exported.join(', ')]
    ]
  })
}
