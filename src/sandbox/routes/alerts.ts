import type { On } from '../context.js'

export function registerAlerts(_on: On): void {}
