import type { On } from '../context.js'

export function registerBots(_on: On): void {}
