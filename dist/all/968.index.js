export const id = 968;
export const ids = [968];
export const modules = {

/***/ 29968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ALLOWED_STATES: () => (/* binding */ ALLOWED_STATES),
/* harmony export */   IF_NOT_ALLOWED: () => (/* binding */ IF_NOT_ALLOWED),
/* harmony export */   InputKinds: () => (/* binding */ InputKinds),
/* harmony export */   Inputs: () => (/* binding */ Inputs),
/* harmony export */   Outputs: () => (/* binding */ Outputs),
/* harmony export */   TASK_OPERATIONS: () => (/* binding */ TASK_OPERATIONS),
/* harmony export */   notAllowedReason: () => (/* binding */ notAllowedReason),
/* harmony export */   readTaskControlInputs: () => (/* binding */ readTaskControlInputs),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33268);
/* harmony import */ var _shared_connection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(625);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86612);
/* harmony import */ var _shared_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(72724);
/* harmony import */ var _shared_summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73265);
// task-control: reads a Maestro task and, for interrupt / restart / cancel, changes it (one GET,
// then at most one POST, after the login). The GET comes first so an operation that makes no sense
// in the task's state (cancel a finished task, restart a running one) is never sent: the contract
// leaves open what Maestro does with it, and a silent state change would be worse than an error.





const Inputs = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputs */ .K0,
    taskId: 'task-id',
    operation: 'operation',
    ifNotAllowed: 'if-not-allowed'
};
const Outputs = {
    taskId: 'task-id',
    state: 'state',
    finishStatus: 'finish-status',
    finishMessage: 'finish-message',
    applied: 'applied',
    task: 'task'
};
const TASK_OPERATIONS = ['get', 'interrupt', 'restart', 'cancel'];
/** What to do when the operation is not allowed in the task's state (upload-artifact's words). */
const IF_NOT_ALLOWED = ['error', 'warn', 'ignore'];
const InputKinds = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputKinds */ .On,
    [Inputs.taskId]: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, required: true },
    [Inputs.operation]: { kind: 'enum', values: TASK_OPERATIONS, required: true },
    [Inputs.ifNotAllowed]: { kind: 'enum', values: IF_NOT_ALLOWED }
};
/**
 * The states in which each operation is sent. Interrupt only asks the bot to stop, so it makes
 * sense until the task ends; cancel withdraws a task no Runner has picked up yet; restart runs a
 * task that ended once more.
 */
const ALLOWED_STATES = {
    interrupt: ['START', 'RUNNING'],
    cancel: ['START'],
    restart: ['FINISHED', 'CANCELED']
};
/** Reads and validates every input of this action (no connection inputs). */
function readTaskControlInputs(core) {
    const inputs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .createInputReader */ .ic)(core);
    return {
        taskId: inputs.integer(Inputs.taskId, { min: 1, max: Number.MAX_SAFE_INTEGER }),
        operation: inputs.enum(Inputs.operation, { values: TASK_OPERATIONS }),
        ifNotAllowed: inputs.enum(Inputs.ifNotAllowed, { values: IF_NOT_ALLOWED, default: 'error' })
    };
}
function stateText(task) {
    return task.state === 'FINISHED' && task.finishStatus
        ? `FINISHED (${task.finishStatus})`
        : task.state;
}
/**
 * Why `operation` is not sent for a task in this state, or undefined when it is allowed. The text
 * names the task, its state, the states the operation needs and what to do instead.
 */
function notAllowedReason(operation, task) {
    if (operation === 'get')
        return undefined;
    const allowed = ALLOWED_STATES[operation];
    if (allowed.includes(task.state))
        return undefined;
    const ended = task.state === 'FINISHED' || task.state === 'CANCELED';
    let why;
    if (ended)
        why = 'it has already ended';
    else if (operation === 'restart' && task.state === 'START')
        why = 'it has not run yet (it is waiting for a Runner)';
    else if (operation === 'restart')
        why = 'interrupt it or wait for it to finish first';
    else
        why = "a Runner already picked it up, use 'operation: interrupt' to ask the bot to stop";
    return (`Cannot ${operation} task ${task.id}: it is ${stateText(task)}; ${why}. ` +
        `'${operation}' applies only to a task in ${allowed.join(' or ')}.`);
}
function changeTask(client, operation, id) {
    if (operation === 'interrupt')
        return client.interruptTask(id);
    if (operation === 'restart')
        return client.restartTask(id);
    return client.cancelTask(id);
}
const DONE = {
    interrupt: 'asked to stop (interrupt)',
    restart: 'restarted',
    cancel: 'cancelled'
};
async function run(core) {
    const connection = (0,_shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .readConnection */ .dC)(core, { action: 'task-control' });
    const config = readTaskControlInputs(core);
    const { operation } = config;
    const client = new _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MaestroClient */ .B2(connection);
    let before;
    let task;
    let reason;
    try {
        before = await client.getTask(config.taskId);
        task = before;
        core.info(`Task ${task.id} of automation '${task.activityLabel}' is ${stateText(task)}`);
        reason = notAllowedReason(operation, task);
        if (operation !== 'get' && reason === undefined) {
            task = await changeTask(client, operation, config.taskId);
            core.info(`Task ${task.id} ${DONE[operation]}; it is now ${stateText(task)}`);
        }
    }
    finally {
        await client.close();
    }
    const applied = operation !== 'get' && reason === undefined;
    if (reason !== undefined && config.ifNotAllowed === 'warn')
        core.warning(reason);
    if (reason !== undefined && config.ifNotAllowed === 'ignore')
        core.info(reason);
    const failure = reason !== undefined && config.ifNotAllowed === 'error'
        ? `${reason} (Set '${Inputs.ifNotAllowed}: warn' to let the step pass.)`
        : undefined;
    (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .setOutputs */ .n0)(core, {
        [Outputs.taskId]: task.id,
        [Outputs.state]: task.state,
        [Outputs.finishStatus]: task.finishStatus,
        [Outputs.finishMessage]: task.finishMessage,
        [Outputs.applied]: applied,
        [Outputs.task]: task
    });
    await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .writeSummary */ .Sy)(core, {
        title: operation === 'get'
            ? `Maestro task ${task.id} is ${stateText(task)}`
            : applied
                ? `Maestro task ${task.id} ${DONE[operation]}`
                : `Maestro task ${task.id}: ${operation} not sent`,
        rows: [
            ['Automation', task.activityLabel],
            ['Task', task.id],
            ['Operation', operation],
            ['State before', operation === 'get' ? undefined : stateText(before)],
            ['State', stateText(task)],
            ['Finish message', task.finishMessage],
            ['Interrupt requested', task.interrupted ? 'yes' : undefined],
            ['Not sent because', reason]
        ]
    });
    if (failure !== undefined)
        throw new _shared_run_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionFailure */ .dR(failure);
}


/***/ })

};
