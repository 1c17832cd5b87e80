export const id = 758;
export const ids = [758];
export const modules = {

/***/ 97758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   InputKinds: () => (/* binding */ InputKinds),
/* harmony export */   Inputs: () => (/* binding */ Inputs),
/* harmony export */   JOB_STATUS_ALIASES: () => (/* binding */ JOB_STATUS_ALIASES),
/* harmony export */   Outputs: () => (/* binding */ Outputs),
/* harmony export */   readFinishTaskInputs: () => (/* binding */ readFinishTaskInputs),
/* harmony export */   resolveItems: () => (/* binding */ resolveItems),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33268);
/* harmony import */ var _shared_connection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(625);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86612);
/* harmony import */ var _shared_summary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73265);
// finish-task: marks a Maestro task FINISHED with a status, a message and item counts, in one
// request after the login. Everything is validated before the first request, the items rule
// included (the client's resolveItemCounts, with its field names mapped to our input names).




const Inputs = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputs */ .K0,
    taskId: 'task-id',
    status: 'status',
    message: 'message',
    totalItems: 'total-items',
    processedItems: 'processed-items',
    failedItems: 'failed-items'
};
const Outputs = { state: 'state', finishStatus: 'finish-status' };
/** GitHub's `job.status` words, so `status: ${{ job.status }}` works. */
const JOB_STATUS_ALIASES = {
    success: 'SUCCESS',
    failure: 'FAILED',
    cancelled: 'FAILED'
};
const COUNT = { kind: 'integer', min: 0, max: Number.MAX_SAFE_INTEGER };
const InputKinds = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputKinds */ .On,
    [Inputs.taskId]: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, required: true },
    [Inputs.status]: { kind: 'enum', values: _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .TASK_FINISH_STATUSES */ .bJ, required: true },
    [Inputs.message]: { kind: 'text' },
    [Inputs.totalItems]: COUNT,
    [Inputs.processedItems]: COUNT,
    [Inputs.failedItems]: COUNT
};
/** The client's item field names -> our input names. */
const ITEM_INPUTS = {
    totalItems: Inputs.totalItems,
    processedItems: Inputs.processedItems,
    failedItems: Inputs.failedItems
};
const ITEMS_ACCEPTED = `whole numbers from 0; give at least two of ${Inputs.totalItems}, ${Inputs.processedItems} ` +
    `and ${Inputs.failedItems} with total = processed + failed (the third is derived), or none of them`;
/**
 * Applies the contract's items rule (resolveItemCounts) and turns its MaestroInputError into an
 * ActionInputError naming our input, with the values given. Pure: no request is made.
 */
function resolveItems(items) {
    try {
        return (0,_maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveItemCounts */ .ms)(items);
    }
    catch (e) {
        if (!(e instanceof _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MaestroInputError */ .eW))
            throw e;
        const input = ITEM_INPUTS[e.field] ?? Inputs.totalItems;
        const problem = e.message.replace(/\b(totalItems|processedItems|failedItems)\b/g, f => ITEM_INPUTS[f] ?? f);
        const given = [
            [Inputs.totalItems, items.total],
            [Inputs.processedItems, items.processed],
            [Inputs.failedItems, items.failed]
        ]
            .map(([name, v]) => `${name} '${v === undefined ? '' : v}'`)
            .join(', ');
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionInputError */ .VA(input, `${problem.replace(/\.$/, '')}, got ${given}. Accepted: ${ITEMS_ACCEPTED}`);
    }
}
function optionalCount(inputs, name) {
    if (inputs.raw(name) === '')
        return undefined;
    return inputs.integer(name, { min: 0, max: Number.MAX_SAFE_INTEGER });
}
/** Reads and validates every input of this action (no connection inputs). */
function readFinishTaskInputs(core) {
    const inputs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .createInputReader */ .ic)(core);
    const taskId = inputs.integer(Inputs.taskId, { min: 1, max: Number.MAX_SAFE_INTEGER });
    const status = inputs.enum(Inputs.status, {
        values: _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .TASK_FINISH_STATUSES */ .bJ,
        aliases: JOB_STATUS_ALIASES
    });
    const message = inputs.optional(Inputs.message);
    const items = resolveItems({
        total: optionalCount(inputs, Inputs.totalItems),
        processed: optionalCount(inputs, Inputs.processedItems),
        failed: optionalCount(inputs, Inputs.failedItems)
    });
    return { taskId, status, message, items };
}
async function run(core) {
    const connection = (0,_shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .readConnection */ .dC)(core, { action: 'finish-task' });
    const config = readFinishTaskInputs(core);
    const client = new _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MaestroClient */ .B2(connection);
    let task;
    try {
        // With no counts the client sends nulls and prints its one warning, as the SDKs do.
        task = await client.finishTask(config.taskId, {
            finishStatus: config.status,
            finishMessage: config.message,
            totalItems: config.items.totalItems,
            processedItems: config.items.processedItems,
            failedItems: config.items.failedItems
        });
    }
    finally {
        await client.close();
    }
    core.info(`Task ${task.id} is ${task.state} with ${task.finishStatus ?? config.status}`);
    (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .setOutputs */ .n0)(core, {
        [Outputs.state]: task.state,
        [Outputs.finishStatus]: task.finishStatus ?? config.status
    });
    const counts = config.items.totalItems === null
        ? undefined
        : `${config.items.totalItems} total, ${config.items.processedItems} processed, ${config.items.failedItems} failed`;
    await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .writeSummary */ .Sy)(core, {
        title: `Maestro task ${task.id} finished: ${task.finishStatus ?? config.status}`,
        rows: [
            ['Task', task.id],
            ['Automation', task.activityLabel],
            ['State', task.state],
            ['Finish status', task.finishStatus ?? config.status],
            ['Message', task.finishMessage ?? config.message],
            ['Items', counts]
        ]
    });
}


/***/ })

};
