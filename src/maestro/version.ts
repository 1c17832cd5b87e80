// This client's name and version, as sent in the User-Agent. A unit test keeps it equal to
// package.json's version (bundlers make reading package.json at run time unreliable).
export const CLIENT_NAME = 'maestro-actions'
export const CLIENT_VERSION = '0.1.0'

export function defaultUserAgent(): string {
  return `${CLIENT_NAME}/${CLIENT_VERSION} (+node ${process.version})`
}
