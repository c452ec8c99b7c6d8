// Where each tsconfig's "paths" send the modules its package may not import (see
// docs/architecture.md). No project lists this file, so such an import fails the build with
// TS6307 naming it.
export {};
