#!/usr/bin/env node
// Generates the portal's API types (src/lib/api/schema.ts) from the OpenAPI document the
// gateway serves, with openapi-typescript.
//
//   node scripts/gen-api.mjs OPENAPI_JSON [OUTPUT_TS]      (npm run gen:api -- OPENAPI_JSON)
//   node scripts/gen-api.mjs --check OPENAPI_JSON [OUTPUT_TS]
//
// OPENAPI_JSON is the document as `cim-gateway --openapi_out=FILE` writes it (or as a running
// gateway answers GET /openapi.json). OUTPUT_TS defaults to src/lib/api/schema.ts. The file is
// rewritten only when its text changes; --check writes nothing and exits 1 when the file
// differs from what the document generates (CI: the checked-in types match the protos).
//
// Besides openapi-typescript's `paths`, `components` and `operations`, the file names every
// message of the cim.v1 package by its short name: `export type Claim =
// components['schemas']['cim.v1.Claim']`.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const kWebDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const kDefaultOutput = resolve(kWebDir, 'src/lib/api/schema.ts');
const kPackage = 'cim.v1.';

const kHeader = `// GENERATED FILE: do not edit. Regenerate with
//   cd web && npm run gen:api -- path/to/openapi.json
// from the OpenAPI document the gateway serves (GET /openapi.json; \`cim-gateway
// --openapi_out=FILE\` writes it). The CMake build regenerates it from the current protos and the
// web_api_types test fails when the checked-in copy differs. Made by web/scripts/gen-api.mjs with
// openapi-typescript.
//
// Every field is optional, as the document says (proto3): responses carry every scalar, enum and
// repeated field, but an unset message field or oneof member is left out.

`;

function usage(message) {
  if (message) console.error(`gen-api: ${message}`);
  console.error('usage: node scripts/gen-api.mjs [--check] OPENAPI_JSON [OUTPUT_TS]');
  process.exit(2);
}

// `export type Claim = components['schemas']['cim.v1.Claim'];` for each cim.v1 message.
function shortNames(document) {
  const names = Object.keys(document.components?.schemas ?? {})
    .filter((name) => name.startsWith(kPackage))
    .sort();
  const lines = [];
  for (const name of names) {
    const short = name.slice(kPackage.length);
    if (!/^[A-Z][A-Za-z0-9]*$/.test(short)) throw new Error(`cannot name schema ${name} in TypeScript`);
    lines.push(`export type ${short} = components['schemas']['${name}'];`);
  }
  return `\n// The cim.v1 messages by their short names.\n${lines.join('\n')}\n`;
}

async function generate(inputPath) {
  const document = JSON.parse(await readFile(inputPath, 'utf8'));
  if (typeof document.openapi !== 'string' || !document.components?.schemas) {
    throw new Error(`${inputPath} is not an OpenAPI document with component schemas`);
  }
  // Sorted output: the gateway writes object keys in no particular order.
  const ast = await openapiTS(document, { alphabetize: true, silent: true });
  return kHeader + astToString(ast) + shortNames(document);
}

async function main() {
  const args = process.argv.slice(2);
  const check = args[0] === '--check';
  if (check) args.shift();
  if (args.length < 1 || args.length > 2 || args.some((a) => a.startsWith('-'))) usage();
  const input = resolve(args[0]);
  const output = args[1] ? resolve(args[1]) : kDefaultOutput;
  const text = await generate(input);
  const current = await readFile(output, 'utf8').catch(() => null);
  const shown = relative(process.cwd(), output) || output;
  if (check) {
    if (current === text) return;
    console.error(`gen-api: ${shown} is not what ${args[0]} generates; run: npm run gen:api -- ${args[0]}`);
    process.exit(1);
  }
  if (current !== text) {
    await writeFile(output, text);
    console.log(`gen-api: wrote ${shown}`);
  }
}

main().catch((error) => {
  console.error(`gen-api: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
