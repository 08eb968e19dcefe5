/** The registry of subgraph modules, for entry scripts (the only place that knows all five). */
import type { SubgraphName } from '../platform/config.js';
import type { SubgraphModule } from '../platform/subgraph-module.js';
import { offerSubgraph } from '../subgraphs/offer/index.js';
import { capacitiesSubgraph } from '../subgraphs/capacities/index.js';
import { tensionsSubgraph } from '../subgraphs/tensions/index.js';
import { professionalsSubgraph } from '../subgraphs/professionals/index.js';
import { admissionsSubgraph } from '../subgraphs/admissions/index.js';

export const SUBGRAPHS: Record<SubgraphName, SubgraphModule<never>> = {
  offer: offerSubgraph as SubgraphModule<never>,
  capacities: capacitiesSubgraph as SubgraphModule<never>,
  tensions: tensionsSubgraph as SubgraphModule<never>,
  professionals: professionalsSubgraph as SubgraphModule<never>,
  admissions: admissionsSubgraph as SubgraphModule<never>,
};
