export const id = 257;
export const ids = [257];
export const modules = {

/***/ 56257:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ACTION_NAME: () => (/* binding */ ACTION_NAME),
/* harmony export */   ALERT_TYPES: () => (/* binding */ ALERT_TYPES),
/* harmony export */   InputKinds: () => (/* binding */ InputKinds),
/* harmony export */   Inputs: () => (/* binding */ Inputs),
/* harmony export */   Outputs: () => (/* binding */ Outputs),
/* harmony export */   defaultMessage: () => (/* binding */ defaultMessage),
/* harmony export */   defaultTitle: () => (/* binding */ defaultTitle),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33268);
/* harmony import */ var _shared_connection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(625);
/* harmony import */ var _shared_github_context_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(35088);
/* harmony import */ var _shared_fail_on_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97588);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86612);
/* harmony import */ var _shared_summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73265);
// Raises an alert on a Maestro task. One request after the login. With `fail-on-error: false`
// a Maestro failure (server, network, login) becomes a warning so an `if: failure()` step does
// not hide the failure it reports; a mistake in the step's inputs still fails it.






const ACTION_NAME = 'Alert';
const Inputs = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputs */ .K0,
    taskId: 'task-id',
    type: 'type',
    title: 'title',
    message: 'message',
    failOnError: 'fail-on-error'
};
const Outputs = { alertId: 'alert-id' };
const ALERT_TYPES = ['INFO', 'WARN', 'ERROR'];
const InputKinds = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputKinds */ .On,
    [Inputs.taskId]: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, required: true },
    [Inputs.type]: { kind: 'enum', values: ALERT_TYPES },
    [Inputs.title]: { kind: 'text' },
    [Inputs.message]: { kind: 'text' },
    [Inputs.failOnError]: { kind: 'boolean' }
};
/** `CI #42: test`, or a plain fallback outside a workflow run. */
function defaultTitle(ctx) {
    if (!ctx.workflow)
        return 'GitHub Actions alert';
    const run = ctx.runNumber ? ` #${ctx.runNumber}` : '';
    const job = ctx.job ? `: ${ctx.job}` : '';
    return `${ctx.workflow}${run}${job}`;
}
/** Repository, workflow, job, commit, actor and the run's address, one fact per line. */
function defaultMessage(ctx) {
    const lines = [];
    const where = ctx.repository ? ` in ${ctx.repository}` : '';
    if (ctx.workflow) {
        const attempt = ctx.runAttempt && ctx.runAttempt !== '1' ? ` (attempt ${ctx.runAttempt})` : '';
        const run = ctx.runNumber ? ` run #${ctx.runNumber}${attempt}` : '';
        const job = ctx.job ? `, job '${ctx.job}'` : '';
        lines.push(`Workflow '${ctx.workflow}'${run}${job}${where}.`);
    }
    else if (where) {
        lines.push(`Repository ${ctx.repository}.`);
    }
    if (ctx.sha) {
        const ref = ctx.ref ? ` on ${ctx.ref.replace(/^refs\/(heads|tags)\//, '')}` : '';
        const event = ctx.eventName ? ` (${ctx.eventName})` : '';
        lines.push(`Commit ${ctx.sha.slice(0, 12)}${ref}${event}.`);
    }
    if (ctx.actor)
        lines.push(`Triggered by ${ctx.actor}.`);
    if (ctx.runUrl)
        lines.push(`Run: ${ctx.runUrl}`);
    return lines.length > 0 ? lines.join('\n') : 'Raised from GitHub Actions.';
}
async function run(core, options = {}) {
    const env = options.env ?? process.env;
    const connection = (0,_shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .readConnection */ .dC)(core, { env, action: 'alert' });
    const inputs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .createInputReader */ .ic)(core);
    const taskId = inputs.integer(Inputs.taskId, { min: 1, max: Number.MAX_SAFE_INTEGER });
    const type = inputs.enum(Inputs.type, {
        values: ALERT_TYPES,
        aliases: { warning: 'WARN' },
        default: 'INFO'
    });
    const failOnError = inputs.boolean(Inputs.failOnError, true);
    const ctx = (0,_shared_github_context_js__WEBPACK_IMPORTED_MODULE_5__/* .readGithubContext */ .z)(env);
    const title = inputs.optional(Inputs.title) ?? defaultTitle(ctx);
    const message = inputs.optional(Inputs.message) ?? defaultMessage(ctx);
    const client = new _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MaestroClient */ .B2(connection);
    let alertId;
    try {
        const alert = await client.createAlert({ taskId, type, title, message });
        alertId = alert.id;
    }
    catch (thrown) {
        (0,_shared_fail_on_error_js__WEBPACK_IMPORTED_MODULE_2__/* .failOrWarn */ .U)(core, ACTION_NAME, failOnError, thrown);
        (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .setOutputs */ .n0)(core, { [Outputs.alertId]: '' });
        return;
    }
    finally {
        await client.close();
    }
    core.info(`Alert ${alertId} (${type}) raised on task ${taskId}: ${title}`);
    (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .setOutputs */ .n0)(core, { [Outputs.alertId]: alertId });
    await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .writeSummary */ .Sy)(core, {
        title: `Maestro alert raised on task ${taskId}`,
        rows: [
            ['Alert id', alertId],
            ['Type', type],
            ['Title', title],
            ['Message', message]
        ]
    });
}


/***/ }),

/***/ 97588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ failOrWarn)
/* harmony export */ });
/* unused harmony export FAIL_ON_ERROR_INPUT */
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72724);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54476);


/** The input's name in every action that has it (each still lists it in its own `Inputs`). */
const FAIL_ON_ERROR_INPUT = 'fail-on-error';
/**
 * Rethrows `thrown` unless `failOnError` is false and Maestro caused it; then prints it as one
 * warning (same title and text as the error would have) and returns, so the step passes.
 */
function failOrWarn(core, actionName, failOnError, thrown) {
    const report = (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFailure */ .Ic)(actionName, thrown);
    if (failOnError || report.kind !== 'maestro')
        throw thrown;
    if (report.debug)
        core.debug((0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(report.debug));
    core.warning(`${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(report.message)} (not failing the step: '${FAIL_ON_ERROR_INPUT}' is false)`, { title: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(report.title) });
}


/***/ }),

/***/ 35088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ readGithubContext)
/* harmony export */ });
// The workflow run's context, read from the GITHUB_*/RUNNER_* variables the runner sets.
// Deliberately not `@actions/github`: it pulls octokit and a second copy of undici into every
// bundle (hundreds of kB per action) for a handful of environment variables.
function readGithubContext(env = process.env) {
    const get = (name) => (env[name] ?? '').trim();
    const serverUrl = (get('GITHUB_SERVER_URL') || 'https://github.com').replace(/\/+$/, '');
    const repository = get('GITHUB_REPOSITORY');
    const runId = get('GITHUB_RUN_ID');
    return {
        serverUrl,
        repository,
        workflow: get('GITHUB_WORKFLOW'),
        job: get('GITHUB_JOB'),
        runId,
        runNumber: get('GITHUB_RUN_NUMBER'),
        runAttempt: get('GITHUB_RUN_ATTEMPT'),
        runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined,
        sha: get('GITHUB_SHA'),
        ref: get('GITHUB_REF'),
        actor: get('GITHUB_ACTOR'),
        eventName: get('GITHUB_EVENT_NAME'),
        runnerOs: get('RUNNER_OS'),
        isActions: get('GITHUB_ACTIONS') === 'true'
    };
}


/***/ })

};
