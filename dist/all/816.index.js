export const id = 816;
export const ids = [816];
export const modules = {

/***/ 82816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  InputKinds: () => (/* binding */ InputKinds),
  Inputs: () => (/* binding */ Inputs),
  Outputs: () => (/* binding */ Outputs),
  fetchValues: () => (/* binding */ fetchValues),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/maestro/index.ts + 20 modules
var maestro = __webpack_require__(33268);
// EXTERNAL MODULE: ./src/actions/shared/connection.ts
var shared_connection = __webpack_require__(625);
// EXTERNAL MODULE: ./src/actions/shared/inputs.ts
var shared_inputs = __webpack_require__(86612);
// EXTERNAL MODULE: ./src/actions/shared/secrets.ts
var secrets = __webpack_require__(54476);
// EXTERNAL MODULE: ./src/actions/shared/summary.ts
var summary = __webpack_require__(73265);
;// CONCATENATED MODULE: ./src/actions/get-credential/keys.ts
// The `key` input: one line per key, `KEY` or `KEY as NAME`. Pure functions, unit-tested.

const KEY_ACCEPTED = "one key per line, 'KEY' or 'KEY as NAME' (NAME a variable name: a letter or _, then letters, digits or _)";
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The output name for a bare KEY: characters outside [A-Za-z0-9_-] become `_`. */
function outputNameFor(key) {
    return key.replace(/[^A-Za-z0-9_-]/g, '_');
}
/**
 * The environment variable name for a bare KEY: upper-cased, characters outside [A-Z0-9_] become
 * `_`, and a leading digit gets a `_` in front (`db-password` -> `DB_PASSWORD`, `2fa` -> `_2FA`).
 */
function envNameFor(key) {
    const name = key.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
    return /^[0-9]/.test(name) ? `_${name}` : name;
}
/** Parses one line: `KEY` or `KEY as NAME`, tokens separated by whitespace. */
function parseKeyLine(input, line) {
    const tokens = line.trim().split(/\s+/);
    if (tokens.length === 1) {
        const key = tokens[0];
        return { key, output: outputNameFor(key), env: envNameFor(key) };
    }
    if (tokens.length === 3 && tokens[1] === 'as') {
        const [key, , name] = tokens;
        if (!NAME.test(name)) {
            throw (0,shared_inputs/* invalidInput */.aY)(input, `'${name}' is not a valid variable name for key '${key}'`, line, KEY_ACCEPTED);
        }
        return { key, output: name, env: name };
    }
    throw (0,shared_inputs/* invalidInput */.aY)(input, 'Not a key line', line, KEY_ACCEPTED + '; keys cannot hold spaces');
}
// Variables the runner refuses to take from GITHUB_ENV, or that would change how later steps run.
const RESERVED_ENV = /^(GITHUB_|RUNNER_)|^(NODE_OPTIONS|PATH|CI)$/i;
/**
 * Parses the lines of `key` (already split, blank and `#` lines removed). Duplicate output names
 * (and, with `exportEnv`, variable names) are an error, compared without case: GitHub reads `steps.<id>.outputs.<name>`
 * case-insensitively, and Windows environment variables are case-insensitive too.
 */
function parseKeys(input, lines, options) {
    if (lines.length === 0) {
        throw new shared_inputs/* ActionInputError */.VA(input, `Required input is empty. Accepted: ${KEY_ACCEPTED}`);
    }
    const specs = lines.map(line => parseKeyLine(input, line));
    const seen = new Map();
    for (const spec of specs) {
        const names = [['output', spec.output]];
        if (options.exportEnv)
            names.push(['variable', spec.env]);
        for (const [kind, name] of names) {
            const id = `${kind}:${name.toUpperCase()}`;
            const other = seen.get(id);
            if (other) {
                throw (0,shared_inputs/* invalidInput */.aY)(input, `Keys '${other.key}' and '${spec.key}' both give the ${kind} name '${name}' (names are compared without case)`, lines.join('\n'), `${KEY_ACCEPTED}; give one of them another name with 'KEY as NAME'`);
            }
            seen.set(id, spec);
        }
        if (specs.length > 1 && options.reservedOutputs?.some(r => r === spec.output.toLowerCase())) {
            throw (0,shared_inputs/* invalidInput */.aY)(input, `Key '${spec.key}' would be set as output '${spec.output}', which this action keeps for a single key`, lines.join('\n'), `${KEY_ACCEPTED}; e.g. '${spec.key} as ${envNameFor(spec.key)}'`);
        }
        if (options.exportEnv && RESERVED_ENV.test(spec.env)) {
            throw (0,shared_inputs/* invalidInput */.aY)(input, `Key '${spec.key}' would be exported as '${spec.env}', a variable the runner reserves or later steps depend on`, lines.join('\n'), `${KEY_ACCEPTED}; NAME not GITHUB_*, RUNNER_*, NODE_OPTIONS, PATH or CI`);
        }
    }
    return specs;
}

;// CONCATENATED MODULE: ./src/actions/get-credential/main.ts
// get-credential: reads keys of a Maestro credential set into masked step outputs and, with
// `export-env`, environment variables for the later steps. A value is never printed: it is masked
// (whole and line by line) before it is set anywhere, and the summary names labels and keys only.






const Inputs = {
    ...shared_connection/* ConnectionInputs */.K0,
    label: 'label',
    key: 'key',
    exportEnv: 'export-env'
};
const Outputs = { value: 'value' };
const InputKinds = {
    ...shared_connection/* ConnectionInputKinds */.On,
    [Inputs.label]: { kind: 'text', required: true, example: 'demo' },
    [Inputs.key]: {
        kind: 'lines',
        required: true,
        example: 'password',
        // spaces in a key, a bad variable name, two keys giving one name, the reserved output name
        invalid: ['db password', 'password as 1st', 'token\nTOKEN', 'user\nvalue']
    },
    [Inputs.exportEnv]: { kind: 'boolean' }
};
/**
 * Fetches the values of `keys` with as few requests as the job allows.
 *
 * One key: GET /credential/{label}/key/{key}, the call made for exactly that (1 request).
 * Several keys: GET /credential/{label} once and pick the keys from the set (1 request instead of
 * one per key). The contract does not promise that the set's entries carry their values (a real
 * server might leave them out), so a key whose value is missing from the set, or that is not listed,
 * is read on its own; for a key that does not exist that read gives Maestro's own 404 naming the
 * label and the key.
 */
async function fetchValues(client, label, keys) {
    const values = new Map();
    const unique = [...new Set(keys)];
    if (unique.length === 1) {
        values.set(unique[0], await client.getCredentialValue(label, unique[0]));
        return values;
    }
    let set;
    try {
        set = await client.getCredentialSet(label);
    }
    catch (e) {
        if (e instanceof maestro/* MaestroHttpError */.sP && e.status === 404) {
            // The set's 404 names only the label: say which keys were wanted too.
            throw new maestro/* MaestroHttpError */.sP({
                operation: `read keys ${unique.map(k => `'${k}'`).join(', ')} of credential '${label}'`,
                method: e.method,
                path: e.path,
                status: e.status,
                serverMessage: e.serverMessage,
                hint: e.hint,
                attempts: e.attempts
            });
        }
        throw e;
    }
    const inSet = new Map();
    for (const s of Array.isArray(set?.secrets) ? set.secrets : []) {
        if (typeof s?.key === 'string')
            inSet.set(s.key, s.value);
    }
    for (const key of unique) {
        const value = inSet.get(key);
        values.set(key, typeof value === 'string' ? value : await client.getCredentialValue(label, key));
    }
    return values;
}
async function run(core) {
    const connection = (0,shared_connection/* readConnection */.dC)(core, { action: 'get-credential' });
    const inputs = (0,shared_inputs/* createInputReader */.ic)(core);
    const label = inputs.required(Inputs.label);
    const exportEnv = inputs.boolean(Inputs.exportEnv, false);
    const specs = parseKeys(Inputs.key, inputs.list(Inputs.key), {
        exportEnv,
        reservedOutputs: [Outputs.value]
    });
    const client = new maestro/* MaestroClient */.B2(connection);
    let values;
    try {
        values = await fetchValues(client, label, specs.map(s => s.key));
    }
    finally {
        await client.close();
    }
    // The client's onSecret masked each value as it arrived; mask again here so this action's own
    // guarantee does not rest on the client: nothing below may run before every value is masked.
    for (const value of values.values())
        (0,secrets/* maskSecret */.$l)(core, value);
    const outputs = {
        [Outputs.value]: specs.length === 1 ? values.get(specs[0].key) : ''
    };
    for (const spec of specs)
        outputs[spec.output] = values.get(spec.key);
    (0,summary/* setOutputs */.n0)(core, outputs);
    if (exportEnv)
        for (const spec of specs)
            core.exportVariable(spec.env, values.get(spec.key));
    const names = specs.map(s => exportEnv ? `${s.key} → output ${s.output}, env ${s.env}` : `${s.key} → output ${s.output}`);
    core.info(`Read ${specs.length === 1 ? 'key' : `${specs.length} keys`} of credential '${label}': ${specs
        .map(s => s.key)
        .join(', ')}${exportEnv ? ' (exported as environment variables)' : ''}`);
    await (0,summary/* writeSummary */.Sy)(core, {
        title: `Credential '${label}' read`,
        rows: [
            ['Label', label],
            ['Keys', names.join('; ')],
            ['Exported to the environment', exportEnv ? 'yes' : 'no']
        ]
    });
}


/***/ })

};
