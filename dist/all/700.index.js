export const id = 700;
export const ids = [700];
export const modules = {

/***/ 90700:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Exported: () => (/* binding */ Exported),
/* harmony export */   InputKinds: () => (/* binding */ InputKinds),
/* harmony export */   Inputs: () => (/* binding */ Inputs),
/* harmony export */   Outputs: () => (/* binding */ Outputs),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33268);
/* harmony import */ var _shared_connection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(625);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86612);
/* harmony import */ var _shared_secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(54476);
/* harmony import */ var _shared_summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73265);
// login: logs in to Maestro once, masks the access token and exports it as BOTCITY_ACCESS_TOKEN
// for the later steps of the job, so each of them makes only the request it is for. The token is
// never an output: like any exported secret it is visible to the later steps of this job only.





const Inputs = { ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputs */ .K0 };
const InputKinds = { ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputKinds */ .On };
const Outputs = {
    server: 'server',
    login: 'login',
    organizationLabel: 'organization-label'
};
/** What the later steps of the job get (GITHUB_ENV). */
const Exported = {
    token: _shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionEnv */ .Iz.accessToken,
    server: _shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionEnv */ .Iz.server,
    login: _shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionEnv */ .Iz.login
};
function noKey() {
    return new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionInputError */ .VA(Inputs.accessKey, `No access key given: the login action logs in with the workspace key (a ${Exported.token} from an earlier login is not enough to get a new one). Accepted: set the '${Inputs.accessKey}' input or the ${_shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionEnv */ .Iz.key} environment variable, e.g. \${{ secrets.BOTCITY_KEY }}`);
}
async function run(core) {
    // Masks the key and any token from an earlier login first.
    let connection;
    try {
        connection = (0,_shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .readConnection */ .dC)(core, { action: 'login' });
    }
    catch (e) {
        // Only a missing key: a key that is there but refused (too long) keeps its own message.
        throw e instanceof _shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .MissingKeyError */ .Mt ? noKey() : e;
    }
    // readConnection accepts a token instead of a key; logging in needs the key itself.
    if (connection.key === undefined)
        throw noKey();
    const inputs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .createInputReader */ .ic)(core);
    const serverFromInput = inputs.optional(Inputs.server) !== undefined;
    const loginFromInput = inputs.optional(Inputs.login) !== undefined;
    // A fresh login: a token from an earlier login step is neither reused nor sent.
    const options = { ...connection };
    delete options.accessToken;
    const client = new _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MaestroClient */ .B2(options);
    let organizationLabel;
    let token;
    try {
        const response = await client.login();
        token = response.accessToken;
        organizationLabel =
            typeof response.organizationLabel === 'string' ? response.organizationLabel : undefined;
    }
    finally {
        await client.close();
    }
    // The client's onSecret masked the token on arrival; this step's own guarantee does not rest on
    // it: nothing below runs before the token is masked.
    (0,_shared_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .maskSecret */ .$l)(core, token);
    core.exportVariable(Exported.token, token);
    const exported = [Exported.token];
    if (serverFromInput) {
        core.exportVariable(Exported.server, connection.server);
        exported.push(Exported.server);
    }
    if (loginFromInput) {
        core.exportVariable(Exported.login, connection.login);
        exported.push(Exported.login);
    }
    (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .setOutputs */ .n0)(core, {
        [Outputs.server]: connection.server,
        [Outputs.login]: connection.login,
        [Outputs.organizationLabel]: organizationLabel
    });
    core.info(`Logged in to ${connection.server} as '${connection.login}'. Exported for the later steps of this job: ${exported.join(', ')} (the token is masked).`);
    await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .writeSummary */ .Sy)(core, {
        title: 'Logged in to BotCity Maestro',
        rows: [
            ['Server', connection.server],
            ['Login', connection.login],
            ['Organization', organizationLabel],
            ['Exported to later steps', exported.join(', ')]
        ]
    });
}


/***/ })

};
