// Every error message the sandbox sends, in one place, so wording stays consistent and tests can
// refer to it. Status codes the real Maestro never showed (see the contract's "Still unknown") are
// chosen here too.
export const CONFLICT = 409

export const msg = {
  missingToken:
    'Missing authentication: send the token and organization headers or Authorization: Bearer',
  badToken: 'Invalid or expired token',
  badOrganization: (org: string) => `Organization '${org}' does not match the token`,
  badLogin: 'Invalid login or key',
  notFoundRoute: (method: string, path: string) => `No route for ${method} ${path}`,
  methodNotAllowed: (method: string) => `Request method '${method}' is not supported`,
  invalidJson: 'Malformed JSON request body',
  bodyNotObject: 'Request body must be a JSON object',
  bodyTooLarge: (limit: number) => `Request body is larger than ${limit} bytes`,
  required: (field: string) => `Field '${field}' is required`,
  wrongType: (field: string, type: string) => `Field '${field}' must be ${type}`,
  badEnum: (field: string, value: unknown, allowed: readonly string[]) =>
    `Field '${field}' has invalid value ${JSON.stringify(value)}; expected one of ${allowed.join(', ')} (or its index 0..${allowed.length - 1})`,
  outOfRange: (field: string, min: number, max: number) =>
    `Field '${field}' must be between ${min} and ${max}`,
  badId: (what: string, value: unknown) =>
    `Invalid ${what} id ${JSON.stringify(value)}: expected an integer`,
  badQuery: (name: string, value: string) => `Invalid query parameter ${name}=${value}`,
  itemsMismatch: (total: number, processed: number, failed: number) =>
    `totalItems (${total}) must equal processedItems (${processed}) + failedItems (${failed})`,
  finishStatusRequired: "Field 'finishStatus' is required when state is FINISHED",
  tooManyRecipients: (n: number, max: number) => `Too many recipients: ${n} (at most ${max})`,
  noRecipients: 'A message needs at least one recipient (emails, logins or group)',
  taskNotFound: (id: number | string) => `Task ${id} not found`,
  automationNotFound: (label: string) => `Automation '${label}' not found`,
  logNotFound: (label: string) => `Log '${label}' not found`,
  logExists: (label: string) => `Log '${label}' already exists`,
  unknownColumns: (label: string, cols: string[]) =>
    `Log '${label}' has no column ${cols.map(c => `'${c}'`).join(', ')}`,
  badFormat: (format: string) => `Unsupported export format '${format}': only csv`,
  artifactNotFound: (id: number | string) => `Artifact ${id} not found`,
  artifactNoFile: (id: number) => `Artifact ${id} has no file uploaded`,
  errorNotFound: (id: number | string) => `Error ${id} not found`,
  credentialNotFound: (label: string) => `Credential '${label}' not found`,
  credentialKeyNotFound: (label: string, key: string) =>
    `Key '${key}' not found in credential '${label}'`,
  credentialExists: (label: string) => `Credential '${label}' already exists`,
  credentialLabelMismatch: (path: string, body: string) =>
    `Label '${body}' in the body does not match '${path}' in the path`,
  datapoolNotFound: (label: string) => `Datapool '${label}' not found`,
  datapoolExists: (label: string) => `Datapool '${label}' already exists`,
  datapoolEntryNotFound: (label: string, id: number | string) =>
    `Entry ${id} not found in datapool '${label}'`,
  botNotFound: (botId: string) => `Bot '${botId}' not found`,
  botVersionNotFound: (botId: string, version: string) =>
    `Bot '${botId}' version '${version}' not found`,
  botVersionExists: (botId: string, version: string) =>
    `Bot '${botId}' version '${version}' already exists`,
  notMultipart: "Expected a multipart/form-data body with a part named 'file'",
  noFilePart: "Multipart body has no part named 'file'",
  badMultipart: (why: string) => `Malformed multipart body: ${why}`,
  injectedFault: 'Injected fault',
  faultBody: "Field 'body' must be an object or a string",
  faultReset: (allowed: readonly string[]) => `Field 'reset' must be one of ${allowed.join(', ')}`,
  faultEffects: 'A fault takes at most one of status, reset and truncate',
  faultRetryAfter: 'A fault takes at most one of retryAfter and retryAfterDate',
  taskAlreadyDone: (id: number, state: string) => `Task ${id} is already ${state}`,
  interruptedByRequest: 'Interrupted on request'
} as const
