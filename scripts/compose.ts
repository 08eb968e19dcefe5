/** `npm run compose`: writes schemas/supergraph.graphql from the subgraph SDLs. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeSupergraph, SUPERGRAPH_FILE } from '../gateway/compose.js';

try {
  const { supergraphSdl, hints } = composeSupergraph();
  writeFileSync(SUPERGRAPH_FILE, supergraphSdl);
  for (const hint of hints) console.log(`hint: ${hint}`);
  console.log(`Wrote ${fileURLToPath(SUPERGRAPH_FILE)}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
