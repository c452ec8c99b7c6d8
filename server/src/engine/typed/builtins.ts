// The built-in type catalogue: one JSON Schema for `details` per type dx-toolkit's own tools rely
// on (docs/platform-notes.md#typed-details). Each property's `description` is what a diagnostic
// quotes to say how to satisfy it; `markdownDescription` is for hovers.

import AssetBundle from '../../../../schemas/types/AssetBundle.schema.json';
import CohortBrowser from '../../../../schemas/types/CohortBrowser.schema.json';
import ContigSet from '../../../../schemas/types/ContigSet.schema.json';
import Dataset from '../../../../schemas/types/Dataset.schema.json';
import HTMLReport from '../../../../schemas/types/HTMLReport.schema.json';

export const BUILT_IN_SCHEMAS: Readonly<Record<string, object>> = { AssetBundle, CohortBrowser, ContigSet, Dataset, HTMLReport };

export const BUILT_IN_TYPE_NAMES: readonly string[] = Object.keys(BUILT_IN_SCHEMAS);
