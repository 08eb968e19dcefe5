/**
 * The offer's fields whose IG binding is a value set (JDV) narrower than their code system: the
 * system file (platform/terminology/systems) is the whole national release, so it says which codes
 * exist and their one label; the value set says which of them the field may carry. A write is
 * checked against both (assertCodes' `binding`). Fields not listed here take any active code of
 * their system, because their value set is the whole system (JDV_J32 for TRE_R242, …) or the
 * hub's file is itself the JDV subset (see platform/terminology/README.md). One binding is known
 * and not listed: `operationalActivityCodes` (specialty) to JDV_J17-ActiviteOperationnelle-ROR,
 * whose content the hub has no source for yet (docs/terminology.md § System and binding).
 */
import { readValueSet, type NationalValueSet } from '../../../platform/terminology/code-systems.js';

export const FIELD_BINDINGS: Readonly<Partial<Record<string, NationalValueSet>>> = {
  /** Unit.category: HealthcareService.category, required binding to JDV_J238-TypeOffre-ROR. */
  categoryCode: readValueSet('JDV_J238-TypeOffre-ROR'),
};
