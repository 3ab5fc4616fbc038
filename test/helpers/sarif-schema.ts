/**
 * The official SARIF 2.1.0 schema as a validator, shared by the formatter tests and the fuzz suite.
 * The schema lives outside the repository (../shared/schemas), so callers check `haveSarifSchema`
 * and skip with a message when it is absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export const SARIF_SCHEMA = path.resolve(__dirname, '../../../shared/schemas/sarif-schema-2.1.0.json');
export const haveSarifSchema = fs.existsSync(SARIF_SCHEMA);

let validator: ((data: unknown) => boolean) & { errors?: unknown };

/** Schema violations of a SARIF log ([] when valid). Compiling the schema is slow, so it happens once. */
export function sarifSchemaErrors(log: unknown): unknown[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
  }
  return validator(log) ? [] : ((validator.errors as unknown[]) ?? ['invalid']);
}
