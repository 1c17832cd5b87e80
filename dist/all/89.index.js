export const id = 89;
export const ids = [89];
export const modules = {

/***/ 17089:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   InputKinds: () => (/* binding */ InputKinds),
/* harmony export */   Inputs: () => (/* binding */ Inputs),
/* harmony export */   Outputs: () => (/* binding */ Outputs),
/* harmony export */   readCreateTaskInputs: () => (/* binding */ readCreateTaskInputs),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33268);
/* harmony import */ var _shared_connection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(625);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86612);
/* harmony import */ var _shared_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(72724);
/* harmony import */ var _shared_summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73265);
/* harmony import */ var _shared_wait_task_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(69008);
// create-task: starts a task for an automation (1 request after the login) and, with `wait`,
// polls it until it finishes, failing the step unless it finished with an allowed status.






const Inputs = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputs */ .K0,
    activityLabel: 'activity-label',
    parameters: 'parameters',
    test: 'test',
    priority: 'priority',
    minExecutionDate: 'min-execution-date',
    wait: 'wait',
    ..._shared_wait_task_js__WEBPACK_IMPORTED_MODULE_5__/* .WaitInputs */ .nB
};
const Outputs = {
    taskId: 'task-id',
    state: 'state',
    finishStatus: 'finish-status',
    finishMessage: 'finish-message',
    task: 'task'
};
const InputKinds = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputKinds */ .On,
    [Inputs.activityLabel]: { kind: 'text', required: true, example: 'demo-bot' },
    [Inputs.parameters]: { kind: 'mapping' },
    [Inputs.test]: { kind: 'boolean' },
    [Inputs.priority]: { kind: 'integer', min: 0, max: 10 },
    [Inputs.minExecutionDate]: { kind: 'date' },
    [Inputs.wait]: { kind: 'boolean' },
    ..._shared_wait_task_js__WEBPACK_IMPORTED_MODULE_5__/* .WaitInputKinds */ .$C
};
/** Reads and validates every input of this action (no connection inputs), wait inputs included. */
function readCreateTaskInputs(core) {
    const inputs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .createInputReader */ .ic)(core);
    return {
        activityLabel: inputs.required(Inputs.activityLabel),
        parameters: inputs.mapping(Inputs.parameters),
        test: inputs.boolean(Inputs.test, false),
        priority: inputs.integer(Inputs.priority, { min: 0, max: 10, default: 0 }),
        minExecutionDate: inputs.dateTime(Inputs.minExecutionDate),
        wait: inputs.boolean(Inputs.wait, false),
        ...(0,_shared_wait_task_js__WEBPACK_IMPORTED_MODULE_5__/* .readWaitInputs */ .FW)(inputs)
    };
}
async function run(core, options = {}) {
    const connection = (0,_shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .readConnection */ .dC)(core, { action: 'create-task' });
    const config = readCreateTaskInputs(core);
    const client = new _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MaestroClient */ .B2(connection);
    let task;
    let outcome;
    try {
        task = await client.createTask({
            activityLabel: config.activityLabel,
            parameters: config.parameters,
            test: config.test,
            priority: config.priority,
            minExecutionDate: config.minExecutionDate
        });
        core.info(`Created task ${task.id} for automation '${task.activityLabel}' (${task.state})`);
        if (config.wait) {
            try {
                outcome = await (0,_shared_wait_task_js__WEBPACK_IMPORTED_MODULE_5__/* .waitForTaskInStep */ .F3)(client, task.id, config, {
                    log: m => core.info(m),
                    signals: options.signals,
                    first: task
                });
            }
            catch (e) {
                // A poll or the interrupt failed: the task exists, so `if: always()` steps still get its id.
                (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .setOutputs */ .n0)(core, taskOutputs(task));
                throw e;
            }
            task = outcome.task;
        }
    }
    finally {
        await client.close();
    }
    // Outputs and summary first, so `if: always()` steps can read them when the step fails below.
    (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .setOutputs */ .n0)(core, taskOutputs(task));
    const failure = outcome ? (0,_shared_wait_task_js__WEBPACK_IMPORTED_MODULE_5__/* .waitFailure */ .MG)(outcome, config) : undefined;
    const parameterNames = Object.keys(config.parameters);
    await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .writeSummary */ .Sy)(core, {
        title: outcome
            ? `Maestro task ${task.id} ${(0,_shared_wait_task_js__WEBPACK_IMPORTED_MODULE_5__/* .waitSummaryVerb */ .rX)(outcome)}`
            : `Maestro task ${task.id} created`,
        rows: [
            ['Automation', task.activityLabel],
            ['Task', task.id],
            ['State', task.state],
            ['Finish status', task.finishStatus],
            ['Finish message', task.finishMessage],
            ['Test task', task.test ? 'yes' : undefined],
            ['Priority', config.priority],
            ['Not before', config.minExecutionDate],
            // names only: values may be sensitive
            ['Parameters', parameterNames.length > 0 ? parameterNames.join(', ') : undefined],
            ['Result', failure]
        ]
    });
    if (failure !== undefined)
        throw new _shared_run_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionFailure */ .dR(failure);
}
function taskOutputs(task) {
    return {
        [Outputs.taskId]: task.id,
        [Outputs.state]: task.state,
        [Outputs.finishStatus]: task.finishStatus,
        [Outputs.finishMessage]: task.finishMessage,
        [Outputs.task]: task
    };
}


/***/ }),

/***/ 69008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $C: () => (/* binding */ WaitInputKinds),
/* harmony export */   F3: () => (/* binding */ waitForTaskInStep),
/* harmony export */   FW: () => (/* binding */ readWaitInputs),
/* harmony export */   MG: () => (/* binding */ waitFailure),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   nB: () => (/* binding */ WaitInputs),
/* harmony export */   rX: () => (/* binding */ waitSummaryVerb)
/* harmony export */ });
/* unused harmony exports waitForTask, finishedAsAllowed, MAX_WAIT_SECONDS, parseAllowedStatuses, cancelSignals, abortOnSignals */
/* harmony import */ var _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33268);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86612);
// Waiting for a Maestro task to finish: shared by create-task (wait: true) and wait-task, so both
// read the same wait inputs, wait the same way and fail with the same words.


const FINAL_STATES = new Set(['FINISHED', 'CANCELED']);
/** Polls the task until it is FINISHED or CANCELED, the time is up, or the step is cancelled. */
async function waitForTask(client, taskId, options, first) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? abortableSleep;
    const started = now();
    let task = first ?? (await client.getTask(taskId));
    let lastState = '';
    for (;;) {
        options.onTask?.(task);
        if (task.state !== lastState) {
            options.log(`Task ${taskId} is ${task.state}${elapsed(now() - started)}`);
            lastState = task.state;
        }
        if (FINAL_STATES.has(task.state))
            return { kind: 'finished', task };
        const waitedMs = now() - started;
        if (options.signal?.aborted) {
            return { kind: 'cancelled', task, interrupted: await interrupt(client, taskId, options) };
        }
        if (waitedMs >= options.timeoutMs) {
            return {
                kind: 'timed-out',
                task,
                waitedMs,
                interrupted: await interrupt(client, taskId, options)
            };
        }
        await sleep(Math.min(options.pollIntervalMs, options.timeoutMs - waitedMs), options.signal);
        if (options.signal?.aborted)
            continue; // report the cancellation with the state we have
        task = await client.getTask(taskId);
    }
}
async function interrupt(client, taskId, options) {
    if (!options.interruptOnTimeout)
        return false;
    await client.interruptTask(taskId);
    options.log(`Asked Maestro to interrupt task ${taskId}`);
    return true;
}
function elapsed(ms) {
    return ms < 1000 ? '' : ` (after ${formatDuration(ms)})`;
}
function formatDuration(ms) {
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s} s`;
    const m = Math.floor(s / 60);
    return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
}
function abortableSleep(ms, signal) {
    return new Promise(resolve => {
        if (signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}
/**
 * Whether a finished task passes the step. A CANCELED task never does: nobody asked for that.
 */
function finishedAsAllowed(task, allowedStatuses) {
    return task.state === 'FINISHED' && allowedStatuses.includes(task.finishStatus ?? '');
}
// ---------------------------------------------------------------------------------------------
// The wait inputs, shared by every action that waits (the metadata check knows `...WaitInputs`).
const WaitInputs = {
    waitTimeoutSeconds: 'wait-timeout-seconds',
    pollIntervalSeconds: 'poll-interval-seconds',
    interruptOnTimeout: 'interrupt-on-timeout',
    allowedStatuses: 'allowed-statuses'
};
/** Five days: the longest a self-hosted job may run. */
const MAX_WAIT_SECONDS = 5 * 24 * 3600;
/** The wait inputs' kinds, for the bad-input matrix (see input-kinds.ts). */
const WaitInputKinds = {
    [WaitInputs.waitTimeoutSeconds]: { kind: 'seconds', min: 1, max: MAX_WAIT_SECONDS },
    [WaitInputs.pollIntervalSeconds]: { kind: 'seconds', min: 1, max: 3600 },
    [WaitInputs.interruptOnTimeout]: { kind: 'boolean' },
    [WaitInputs.allowedStatuses]: { kind: 'enum', values: _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .TASK_FINISH_STATUSES */ .bJ, list: true }
};
/**
 * `allowed-statuses`: one per line or comma-separated, case-insensitive, each one of the three
 * finish statuses. Empty means SUCCESS only. Duplicates are dropped.
 */
function parseAllowedStatuses(input, raw) {
    const items = raw
        .split(/[\r\n,]+/)
        .map(s => s.trim())
        .filter(s => s !== '');
    if (items.length === 0)
        return ['SUCCESS'];
    const out = [];
    for (const item of items) {
        const status = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseEnum */ .nL)(input, item, { values: _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .TASK_FINISH_STATUSES */ .bJ });
        if (!out.includes(status))
            out.push(status);
    }
    return out;
}
/** Reads and validates the wait inputs (WaitInputs) through the action's input reader. */
function readWaitInputs(inputs) {
    return {
        timeoutMs: inputs.secondsToMs(WaitInputs.waitTimeoutSeconds, {
            min: 1,
            max: MAX_WAIT_SECONDS,
            default: 3600
        }),
        pollIntervalMs: inputs.secondsToMs(WaitInputs.pollIntervalSeconds, {
            min: 1,
            max: 3600,
            default: 10
        }),
        interruptOnTimeout: inputs.boolean(WaitInputs.interruptOnTimeout, false),
        allowedStatuses: parseAllowedStatuses(WaitInputs.allowedStatuses, inputs.raw(WaitInputs.allowedStatuses))
    };
}
/** The message that fails the step after waiting, or undefined when the step passes. */
function waitFailure(outcome, config) {
    const { task } = outcome;
    const left = (interrupted) => interrupted
        ? 'Asked Maestro to interrupt it.'
        : `It was left running (set '${WaitInputs.interruptOnTimeout}: true' to interrupt it).`;
    if (outcome.kind === 'timed-out') {
        return (`Timed out after ${formatDuration(outcome.waitedMs)} waiting for task ${task.id} ` +
            `to finish; its last state was ${task.state} (${WaitInputs.waitTimeoutSeconds}). ` +
            left(outcome.interrupted));
    }
    if (outcome.kind === 'cancelled') {
        return (`The step was cancelled while waiting for task ${task.id} (last state ${task.state}). ` +
            left(outcome.interrupted));
    }
    if (finishedAsAllowed(task, config.allowedStatuses))
        return undefined;
    const allowed = `Allowed finish statuses: ${config.allowedStatuses.join(', ')} ('${WaitInputs.allowedStatuses}')`;
    if (task.state !== 'FINISHED') {
        return `Task ${task.id} was ${task.state} in Maestro without finishing. ${allowed}.`;
    }
    const why = task.finishMessage ? `: ${task.finishMessage}` : ' (no finish message)';
    return `Task ${task.id} finished with ${task.finishStatus ?? 'no status'}${why}. ${allowed}.`;
}
/** How the summary heading ends after waiting: "Maestro task 7 <verb>". */
function waitSummaryVerb(outcome) {
    if (outcome.kind === 'timed-out')
        return 'did not finish in time';
    if (outcome.kind === 'cancelled')
        return 'was still running when the step was cancelled';
    if (outcome.task.state !== 'FINISHED')
        return `was ${outcome.task.state}`;
    return `finished: ${outcome.task.finishStatus ?? 'no status'}`;
}
/**
 * The signals a cancelled workflow sends. The runner sends SIGINT, then SIGTERM; on Windows it
 * sends Ctrl+C (SIGINT to Node), then Ctrl+Break, which Node names SIGBREAK and which ends the
 * process at once unless it is listened to.
 */
function cancelSignals(platform = process.platform) {
    return platform === 'win32' ? ['SIGINT', 'SIGTERM', 'SIGBREAK'] : ['SIGINT', 'SIGTERM'];
}
/** An AbortSignal that fires when the workflow is cancelled (see cancelSignals), until disposed. */
function abortOnSignals(source, log, platform = process.platform) {
    const controller = new AbortController();
    const onSignal = (name) => {
        if (!controller.signal.aborted)
            log(`Received ${name}: the workflow is being cancelled`);
        controller.abort();
    };
    const signals = cancelSignals(platform);
    for (const name of signals)
        source.on(name, onSignal);
    return {
        signal: controller.signal,
        dispose: () => {
            for (const name of signals)
                source.off(name, onSignal);
        }
    };
}
/** waitForTask inside a step: the wait inputs applied, and a cancelled workflow stops the wait. */
async function waitForTaskInStep(client, taskId, config, options) {
    const cancel = abortOnSignals(options.signals ?? process, options.log);
    try {
        return await waitForTask(client, taskId, {
            timeoutMs: config.timeoutMs,
            pollIntervalMs: config.pollIntervalMs,
            interruptOnTimeout: config.interruptOnTimeout,
            signal: cancel.signal,
            log: options.log,
            onTask: options.onTask
        }, options.first);
    }
    finally {
        cancel.dispose();
    }
}


/***/ })

};
