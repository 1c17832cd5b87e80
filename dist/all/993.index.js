export const id = 993;
export const ids = [993];
export const modules = {

/***/ 24993:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   InputKinds: () => (/* binding */ InputKinds),
/* harmony export */   Inputs: () => (/* binding */ Inputs),
/* harmony export */   MAX_NAME_LENGTH: () => (/* binding */ MAX_NAME_LENGTH),
/* harmony export */   MAX_VALUE_BYTES: () => (/* binding */ MAX_VALUE_BYTES),
/* harmony export */   Outputs: () => (/* binding */ Outputs),
/* harmony export */   checkValue: () => (/* binding */ checkValue),
/* harmony export */   parseName: () => (/* binding */ parseName),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   storeValue: () => (/* binding */ storeValue)
/* harmony export */ });
/* harmony import */ var _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33268);
/* harmony import */ var _shared_connection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(625);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86612);
/* harmony import */ var _shared_secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(54476);
/* harmony import */ var _shared_summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73265);
// set-credential: creates or updates one key of a Maestro credential set, creating the set when it
// does not exist. The value is masked (whole, line by line and JSON-escaped) before any other input
// is read or anything is printed, and it is never written anywhere but the request body.
//
// Round trips after the login: read the set (1), then create it with the key (2), add the key (2)
// or replace the set with the key's new value (2).





const Inputs = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputs */ .K0,
    label: 'label',
    key: 'key',
    value: 'value'
};
const Outputs = { created: 'created', setCreated: 'set-created' };
const InputKinds = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputKinds */ .On,
    // a line break, a control character, longer than MAX_NAME_LENGTH
    [Inputs.label]: {
        kind: 'text',
        required: true,
        example: 'erp',
        invalid: ['erp\nprod', 'erp\u0007', 'l'.repeat(257)]
    },
    [Inputs.key]: {
        kind: 'text',
        required: true,
        example: 'password',
        invalid: ['pass\nword', 'k'.repeat(257)]
    },
    // whitespace only: never stored as a secret
    [Inputs.value]: { kind: 'secret', required: true, invalid: [' \n\t '] }
};
/** Far above any key, token or certificate chain; a bigger value is most likely a mistake. */
const MAX_VALUE_BYTES = 64 * 1024;
const MAX_NAME_LENGTH = 256;
/**
 * A credential label or key: one line of text without control characters, at most 256
 * characters, as written (labels and keys are case-sensitive).
 */
function parseName(input, raw, what) {
    return (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseOneLine */ .a1)(input, raw, {
        accepted: `a ${what}: one line of text, at most ${MAX_NAME_LENGTH} characters, no control characters`,
        maxLength: MAX_NAME_LENGTH,
        controlProblem: `The ${what} holds a line break or control character`,
        tooLongProblem: `The ${what} is too long`
    });
}
/**
 * The value as given, not trimmed: a trailing newline (a `|` block) is part of it. Its text is
 * never quoted in an error.
 */
function checkValue(input, value) {
    const accepted = `the secret text, 1 byte to ${MAX_VALUE_BYTES / 1024} KiB, stored exactly as given (use \`|-\` in YAML to drop a trailing newline)`;
    if (value === '')
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionInputError */ .VA(input, `Required input is empty. Accepted: ${accepted}`);
    if (value.trim() === '') {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionInputError */ .VA(input, `The value holds only whitespace. Accepted: ${accepted}`);
    }
    // The limit every input has (read here without the shared reader, to keep it untrimmed); the
    // byte count below still catches a shorter text of multi-byte characters.
    (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .checkInputLength */ .he)(input, value);
    const bytes = Buffer.byteLength(value, 'utf8');
    if (bytes > MAX_VALUE_BYTES) {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionInputError */ .VA(input, `The value is too long (${bytes} bytes). Accepted: ${accepted}`);
    }
    return value;
}
/**
 * Sets the key, once more if another job created the set between our read and our create (409):
 * the second round finds the set and adds or updates the key. Never re-sends a create.
 */
async function storeValue(client, label, key, value) {
    try {
        return await client.setCredentialValue(label, key, value);
    }
    catch (e) {
        if (!(e instanceof _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MaestroHttpError */ .sP && e.status === 409))
            throw e;
        return client.setCredentialValue(label, key, value);
    }
}
const OUTCOME_TEXT = {
    'created-set': 'created the credential set with this key',
    'added-key': 'added the key to the credential set',
    'updated-key': 'replaced the value of the existing key'
};
async function run(core) {
    // Before readConnection, which reads other inputs and may print a warning.
    const value = core.getInput(Inputs.value, { trimWhitespace: false });
    (0,_shared_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .maskSecret */ .$l)(core, value);
    // It travels in a JSON body: a server echoing the body would show it escaped.
    const escaped = JSON.stringify(value).slice(1, -1);
    if (escaped !== value)
        (0,_shared_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .maskSecret */ .$l)(core, escaped);
    const connection = (0,_shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .readConnection */ .dC)(core, { action: 'set-credential' });
    const inputs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .createInputReader */ .ic)(core, { secrets: [Inputs.value] });
    const label = parseName(Inputs.label, inputs.raw(Inputs.label), 'credential label');
    const key = parseName(Inputs.key, inputs.raw(Inputs.key), 'credential key');
    checkValue(Inputs.value, value);
    const client = new _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MaestroClient */ .B2(connection);
    let outcome;
    try {
        outcome = await storeValue(client, label, key, value);
    }
    finally {
        await client.close();
    }
    (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .setOutputs */ .n0)(core, {
        [Outputs.created]: outcome !== 'updated-key',
        [Outputs.setCreated]: outcome === 'created-set'
    });
    core.info(`Credential '${label}', key '${key}': ${OUTCOME_TEXT[outcome]}.`);
    await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .writeSummary */ .Sy)(core, {
        title: `Credential '${label}' key '${key}' set`,
        rows: [
            ['Label', label],
            ['Key', key],
            ['Result', OUTCOME_TEXT[outcome]],
            ['Value', 'stored; never shown']
        ]
    });
}


/***/ })

};
