// The team type schemas for the records of one CLI run, looked up once per folder (not once per
// record, each a walk up the folders): within a run, no schema changes.
import { dirname } from 'node:path';
import type { TypeSchemaFinder } from '../../common/typeSchemaFiles';
import type { TypeSchemas } from '../../common/typeSchemaSource';

export function schemasByFolder(finder: TypeSchemaFinder): (recordPath: string) => TypeSchemas {
  const byFolder = new Map<string, TypeSchemas>();
  return (recordPath) => {
    const folder = dirname(recordPath);
    let schemas = byFolder.get(folder);
    if (!schemas) {
      schemas = finder.forRecord(recordPath);
      byFolder.set(folder, schemas);
    }
    return schemas;
  };
}
