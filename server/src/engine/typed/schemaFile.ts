// Diagnostics for a type schema file itself (`.dxrecord/types/<TypeName>.schema.json`), so a
// broken schema is shown where it is written as well as on the records that use it.

import { JsonParser } from '../parser';
import { LineIndex } from '../positions';
import { Report } from '../report';
import { Scanner, type SyntaxProblem } from '../scanner';
import { NodeLocator, TreeBuilder } from '../model';
import type { RecordDiagnostic } from '../types';
import { compileSchema } from './compile';

/** `name` is the type the file declares (its file name without `.schema.json`). */
export function checkTypeSchema(text: string, name: string): RecordDiagnostic[] {
  const report = new Report();
  const problems: SyntaxProblem[] = [];
  const scanner = new Scanner(text, problems);
  const tree = new TreeBuilder(scanner);
  new JsonParser(scanner, tree).parse();
  const lines = new LineIndex(text, scanner.lineStarts, scanner.pos);
  for (const p of problems) report.error('type-schema-invalid', `The ${name} type schema is not valid JSON: ${p.message}`, p);
  if (problems.length > 0 || !tree.root) return report.finish(lines);
  const outcome = compileSchema(name, JSON.parse(text), name);
  if ('problem' in outcome) {
    const found = outcome.at ? new NodeLocator().memberAt(tree.root, outcome.at) : undefined;
    const span = found?.prop ? { offset: found.prop.keyOffset, length: found.prop.keyLength } : (found?.node ?? { offset: tree.root.offset, length: 1 });
    report.error('type-schema-invalid', `The ${name} type schema does not compile: ${outcome.problem}. Records of type ${JSON.stringify(name)} are not checked against it until it does.`, span);
  }
  return report.finish(lines);
}
