// The rules over the top-level object's fields, whichever pass built them: the located pass
// (validateRecord) and the proof of a clean record from JSON.parse's value (cleanProof.ts).

import type { ObjectNode } from '../model';
import type { Report } from '../report';
import type { CheckedPart } from '../typed/part';
import type { TypeSchemas } from '../types';
import { lastValue, type PendingFacts, type RuleContext } from './context';
import { checkFields } from './fields';
import { checkFolder } from './folder';
import { checkIds } from './ids';
import { checkName, checkTags, checkTypes } from './names';
import { checkNonce } from './nonce';
import { checkProperties } from './properties';
import { checkTyped } from './typed';

const FIELD_RULES = [checkIds, checkName, checkTags, checkTypes, checkProperties, checkFolder, checkNonce];

/**
 * `details` is plain data for the typed rules, asked for only when a type has a schema; `plain` is
 * the top level as the schema sees it, when the caller has it (else built from `top`).
 */
export function checkTopLevel(report: Report, facts: PendingFacts, top: ObjectNode, types: TypeSchemas | undefined, details: () => CheckedPart | undefined, plain?: unknown): void {
  const fields = top.props;
  checkFields(report, top, plain);
  const ctx: RuleContext = { report, facts, field: (name) => lastValue(fields, name) };
  for (const rule of FIELD_RULES) rule(ctx);
  checkTyped({ report, fields, types, details });
}
