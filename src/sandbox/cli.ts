// `npm run sandbox -- [--port N] [--host H] [--login L] [--key K] [--automation LABEL]...
//   [--credential LABEL/KEY=VALUE]... [--data-dir DIR] [--control]`
// Prints one JSON line {"url","login","key"} on stdout when ready; serves until SIGINT/SIGTERM.
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { startSandbox, type SandboxOptions } from './index.js'

const DEMO_AUTOMATIONS = ['demo-bot', 'invoice-bot', 'report-bot']

function fail(message: string): never {
  process.stderr.write(`sandbox: ${message}\n`)
  process.exit(2)
}

function parseCredentials(specs: string[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {}
  for (const spec of specs) {
    const m = /^([^/=]+)\/([^=]+)=(.*)$/s.exec(spec)
    // Quote only the part before '=': the value is a secret.
    if (!m) fail(`--credential must look like LABEL/KEY=VALUE (got '${spec.split('=')[0]}=...')`)
    ;(out[m[1]] ??= {})[m[2]] = m[3]
  }
  return out
}

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        login: { type: 'string' },
        key: { type: 'string' },
        automation: { type: 'string', multiple: true },
        credential: { type: 'string', multiple: true },
        'data-dir': { type: 'string' },
        control: { type: 'boolean' }
      },
      strict: true
    }))
  } catch (e) {
    fail((e as Error).message)
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be 0..65535 (got '${values.port}')`)

  // Without flags of its own kind, seed a small demo workspace so the sandbox is useful at once.
  const options: SandboxOptions = {
    port,
    host: values.host,
    login: values.login,
    key: values.key,
    automations: values.automation ?? DEMO_AUTOMATIONS,
    credentials: values.credential
      ? parseCredentials(values.credential)
      : { demo: { username: 'demo-user', password: randomBytes(9).toString('base64url') } },
    dataDir: values['data-dir'],
    control: values.control ?? false
  }
  const sandbox = await startSandbox(options)
  process.stdout.write(
    `${JSON.stringify({ url: sandbox.url, login: sandbox.login, key: sandbox.key })}\n`
  )
  process.stderr.write(
    [
      `Maestro sandbox listening on ${sandbox.url} (data in ${sandbox.dataDir})`,
      `Automations: ${options.automations!.join(', ')}; credential sets: ${Object.keys(options.credentials!).join(', ')}`,
      'Point a client at it with:',
      `  export BOTCITY_SERVER=${sandbox.url} BOTCITY_LOGIN=${sandbox.login}`,
      '  export BOTCITY_KEY=<the "key" in the JSON line on stdout>',
      options.control
        ? 'Test hooks are on under /_sandbox/.'
        : 'Start with --control to enable the /_sandbox/ test hooks.',
      'Stop with Ctrl-C.',
      ''
    ].join('\n')
  )

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    sandbox.close().then(
      () => process.exit(0),
      e => {
        process.stderr.write(`sandbox: close failed: ${(e as Error).message}\n`)
        process.exit(1)
      }
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch(e => fail((e as Error).message))
